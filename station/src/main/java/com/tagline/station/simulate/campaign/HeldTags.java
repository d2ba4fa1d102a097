package com.tagline.station.simulate.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The chips the running station's store holds a tag for since before a moment (architecture §5), read through a
 * read-only connection beside the station's own writer (WAL lets a reader in without blocking it). The campaign
 * checks against it that a restarted station names every chip it waits for.
 */
final class HeldTags {
    private HeldTags() {
    }

    /** Chips holding a tag since before {@code beforeMillis} (epoch ms), empty when the store does not exist yet. */
    static List<String> chipsHoldingSince(Path database, long beforeMillis) {
        if (!Files.exists(database)) {
            return List.of();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + database);
             PreparedStatement ps = c.prepareStatement("SELECT held_by FROM leased_jobs WHERE state = 'available'"
                     + " AND held_by IS NOT NULL AND held_since_ms < ?")) {
            ps.setLong(1, beforeMillis);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the held tags of " + database + ": " + e.getMessage(), e);
        }
    }
}
