package com.tagline.station.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** SQLite's own verdict on a station database, from a connection of its own (https://sqlite.org/pragma.html#pragma_integrity_check). */
public final class DatabaseCheck {
    private DatabaseCheck() {
    }

    /**
     * {@code PRAGMA integrity_check} on the file: {@code ["ok"]} when the b-trees, indexes and constraints are
     * sound, else SQLite's list of problems.
     */
    public static List<String> integrity(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            return List.of("cannot check " + file + ": " + e.getMessage());
        }
    }
}
