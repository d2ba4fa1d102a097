package com.tagline.station.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared set-up for store tests: a fixed clock and a second, independent JDBC connection. */
final class StoreFixture {
    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private StoreFixture() {
    }

    static StoreConfig config(Path dir) {
        return StoreConfig.of(dir.resolve("station.db"), "line-1")
                .withClock(Clock.fixed(T0, ZoneOffset.UTC))
                .withMinFreeBytes(0);
    }

    /** A separate connection to the same file, as another process would see it. */
    static Connection reader(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    static long count(Path file, String sql) throws SQLException {
        try (Connection c = reader(file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
