package com.tagline.station.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSchemaTest {
    private static final int LATEST = Schema.MIGRATIONS.get(Schema.MIGRATIONS.size() - 1).version();

    @TempDir
    Path dir;

    @Test
    void writerConnectionUsesWalFullForeignKeysAndBusyTimeout() {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            assertEquals("wal", store.pragma("journal_mode"));
            assertEquals("2", store.pragma("synchronous"), "2 = FULL");
            assertEquals("1", store.pragma("foreign_keys"));
            assertEquals(String.valueOf(StoreConfig.DEFAULT_BUSY_TIMEOUT_MS), store.pragma("busy_timeout"));
        }
    }

    @Test
    void migratesAnEmptyFileAndReopensIdempotently() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        try (Store store = Store.open(config)) {
            assertEquals(LATEST, store.schemaVersion());
        }
        try (Store store = Store.open(config)) {
            assertEquals(LATEST, store.schemaVersion());
        }
        assertEquals(LATEST, StoreFixture.count(config.file(), "SELECT COUNT(*) FROM schema_version"));
        for (String table : List.of("leased_jobs", "chip_attempts", "attempt_intents", "outcomes", "outbox")) {
            assertEquals(1, StoreFixture.count(config.file(),
                    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'"), table);
        }
    }

    @Test
    void appliesLaterMigrationsInOrderOnAnExistingDatabase() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        Store.open(config).close();
        List<Migration> next = new ArrayList<>(Schema.MIGRATIONS);
        next.add(new Migration(LATEST + 1, "operator notes", List.of("CREATE TABLE notes (id INTEGER PRIMARY KEY)")));
        try (Store store = Store.open(config, next)) {
            assertEquals(LATEST + 1, store.schemaVersion());
        }
        assertEquals(LATEST + 1, StoreFixture.count(config.file(), "SELECT COUNT(*) FROM schema_version"));
    }

    @Test
    void aFailingMigrationIsRolledBackWhole() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        Store.open(config).close();
        List<Migration> next = new ArrayList<>(Schema.MIGRATIONS);
        next.add(new Migration(LATEST + 1, "broken", List.of("CREATE TABLE half (id INTEGER)", "NOT SQL")));
        StoreException e = assertThrows(StoreException.class, () -> Store.open(config, next));
        assertEquals("migrate to version " + (LATEST + 1), e.operation());
        assertEquals(0, StoreFixture.count(config.file(), "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'"));
        try (Store store = Store.open(config)) {
            assertEquals(LATEST, store.schemaVersion());
        }
    }

    @Test
    void refusesADatabaseNewerThanTheCode() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        Store.open(config).close();
        try (Connection c = StoreFixture.reader(config.file()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version, description, applied_at_ms) VALUES (99, 'future', 0)");
        }
        StoreException e = assertThrows(StoreException.class, () -> Store.open(config));
        assertEquals("migrate", e.operation());
        assertTrue(e.getMessage().contains("99") && e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void noColumnCanHoldKeyMaterial() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        Store.open(config).close();
        try (Connection c = StoreFixture.reader(config.file()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p"
                     + " WHERE m.type = 'table'")) {
            while (rs.next()) {
                String column = rs.getString(2);
                assertTrue(!column.contains("key") || column.equals("key_set_version"),
                        rs.getString(1) + "." + column);
            }
        }
    }
}
