package com.tagline.station.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * Versioned schema migrations. The applied version is the highest row of {@code schema_version};
 * each pending {@link Migration} runs in its own transaction with its version row, in list order. A
 * database whose version is above the newest known migration is refused: this code would not know
 * its tables.
 *
 * <p>No column holds key material: only {@code key_set_version} (architecture §6).
 */
final class Schema {
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "leased jobs, chip attempts, intents, outcomes, outbox", List.of(
                    "CREATE TABLE leased_jobs (tag_id TEXT PRIMARY KEY, protocol TEXT NOT NULL, url TEXT NOT NULL,"
                            + " lease_id TEXT NOT NULL, lease_expires_at_ms INTEGER NOT NULL)",
                    "CREATE TABLE chip_bindings (chip_uid TEXT PRIMARY KEY, tag_id TEXT NOT NULL,"
                            + " bound_at_ms INTEGER NOT NULL, UNIQUE (chip_uid, tag_id))",
                    "CREATE TABLE chip_attempts (attempt_id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " tag_id TEXT NOT NULL, chip_uid TEXT NOT NULL, protocol TEXT NOT NULL,"
                            + " attempt_number INTEGER NOT NULL CHECK (attempt_number >= 1), step_reached TEXT,"
                            + " state TEXT NOT NULL CHECK (state IN ('in_flight','configured','failed','interrupted')),"
                            + " started_at_ms INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL,"
                            + " FOREIGN KEY (chip_uid, tag_id) REFERENCES chip_bindings (chip_uid, tag_id))",
                    "CREATE UNIQUE INDEX one_configured_chip_per_tag ON chip_attempts (tag_id)"
                            + " WHERE state = 'configured'",
                    "CREATE INDEX chip_attempts_by_state ON chip_attempts (state)",
                    "CREATE TABLE attempt_intents (attempt_id INTEGER NOT NULL REFERENCES chip_attempts,"
                            + " seq INTEGER NOT NULL, step TEXT NOT NULL, irreversible INTEGER NOT NULL,"
                            + " recorded_at_ms INTEGER NOT NULL, PRIMARY KEY (attempt_id, seq))",
                    "CREATE TABLE outcomes (outcome_id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " attempt_id INTEGER NOT NULL UNIQUE REFERENCES chip_attempts,"
                            + " tag_id TEXT NOT NULL, chip_uid TEXT NOT NULL,"
                            + " outcome TEXT NOT NULL CHECK (outcome IN ('configured','failed')),"
                            + " reason TEXT NOT NULL, detail TEXT NOT NULL, key_set_version INTEGER,"
                            + " station TEXT NOT NULL, attempts INTEGER NOT NULL, occurred_at_ms INTEGER NOT NULL,"
                            + " CHECK (outcome = 'failed' OR key_set_version IS NOT NULL))",
                    "CREATE TABLE outbox (outbox_id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " outcome_id INTEGER NOT NULL UNIQUE REFERENCES outcomes,"
                            + " state TEXT NOT NULL CHECK (state IN ('pending','sent','confirmed','quarantined')),"
                            + " tries INTEGER NOT NULL DEFAULT 0, next_attempt_at_ms INTEGER NOT NULL,"
                            + " last_error TEXT, created_at_ms INTEGER NOT NULL, updated_at_ms INTEGER NOT NULL)",
                    "CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at_ms)")),
            new Migration(2, "job state of leased tags; reason and detail of each attempt", List.of(
                    "ALTER TABLE leased_jobs ADD COLUMN state TEXT NOT NULL DEFAULT 'available'"
                            + " CHECK (state IN ('available','done','released','expired'))",
                    "CREATE INDEX leased_jobs_by_state ON leased_jobs (state, protocol)",
                    "ALTER TABLE chip_attempts ADD COLUMN reason TEXT",
                    "ALTER TABLE chip_attempts ADD COLUMN detail TEXT")),
            new Migration(3, "ixkio manifest rows (optional tag code fields); outbox rows confirmed locally", List.of(
                    "CREATE TABLE manifest_rows (tag_id TEXT PRIMARY KEY REFERENCES leased_jobs (tag_id),"
                            + " manifest TEXT NOT NULL, line INTEGER NOT NULL, cuid TEXT, ix_dr TEXT,"
                            + " nft_chain TEXT, nft_contract TEXT, nft_token TEXT, nft_owner TEXT,"
                            + " imported_at_ms INTEGER NOT NULL,"
                            + " CHECK ((nft_chain IS NULL) = (nft_contract IS NULL)"
                            + " AND (nft_chain IS NULL) = (nft_token IS NULL)))",
                    "ALTER TABLE outbox ADD COLUMN confirmed_locally INTEGER NOT NULL DEFAULT 0"
                            + " CHECK (confirmed_locally IN (0, 1))")),
            // The per-chip and per-batch queries read whole tables without these: beginAttempt's attempt
            // count per tag took ~35 ms at 90,000 attempts, and each outbox batch sorted every due row (now read in index order, see Outbox#pending)
            // (measured with `station benchmark sync`).
            new Migration(4, "indexes for the per-chip and per-batch queries", List.of(
                    "CREATE INDEX chip_attempts_by_tag ON chip_attempts (tag_id)",
                    "CREATE INDEX chip_attempts_by_chip ON chip_attempts (chip_uid, attempt_id)",
                    "CREATE INDEX outcomes_by_tag ON outcomes (tag_id)",
                    "CREATE INDEX leased_jobs_by_lease ON leased_jobs (lease_id)")),
            // An operator's requeue of a quarantined report (issue 14) is a decision someone must be able to
            // look up later: who sent what back, why, and what the platform had said before.
            new Migration(5, "operator requeues of quarantined outbox rows, with the reason", List.of(
                    "CREATE TABLE outbox_requeues (requeue_id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " outbox_id INTEGER NOT NULL REFERENCES outbox, reason TEXT NOT NULL CHECK (reason <> ''),"
                            + " previous_error TEXT, requeued_at_ms INTEGER NOT NULL)",
                    "CREATE INDEX outbox_requeues_by_row ON outbox_requeues (outbox_id)")),
            // Architecture §5: a tag belongs to its chip from the first irreversible step on. held_by is set in
            // the transaction of that step's intent, before the step runs; the tag goes to another chip only
            // after tag_releases records why the first will not ship (gate, operator), both UIDs kept.
            new Migration(6, "a tag held by its chip from the first irreversible step; releases with their reason",
                    List.of("ALTER TABLE leased_jobs ADD COLUMN held_by TEXT",
                            "ALTER TABLE leased_jobs ADD COLUMN held_since_ms INTEGER",
                            "CREATE INDEX leased_jobs_by_holder ON leased_jobs (held_by) WHERE held_by IS NOT NULL",
                            "CREATE TABLE tag_releases (tag_id TEXT NOT NULL, chip_uid TEXT NOT NULL,"
                                    + " reason TEXT NOT NULL, released_at_ms INTEGER NOT NULL)",
                            "CREATE INDEX tag_releases_by_tag ON tag_releases (tag_id)")));

    private Schema() {
    }

    /** Brings the database up to the newest of {@code migrations}; returns the resulting version. */
    static int migrate(Database db, List<Migration> migrations, Clock clock) {
        db.inTransaction("migrate", c -> {
            exec(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL, applied_at_ms INTEGER NOT NULL)");
            return null;
        });
        int current = db.read("migrate", Schema::currentVersion);
        int newest = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        if (current > newest) {
            throw new StoreException("migrate", "database schema version " + current
                    + " is newer than this station supports (" + newest + "); upgrade the station software");
        }
        for (Migration m : migrations) {
            if (m.version() > current) {
                db.inTransaction("migrate to version " + m.version(), c -> apply(c, m, clock));
                current = m.version();
            }
        }
        return current;
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static Void apply(Connection c, Migration m, Clock clock) throws SQLException {
        for (String sql : m.statements()) {
            exec(c, sql);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at_ms) VALUES (?, ?, ?)")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.description());
            ps.setLong(3, clock.millis());
            ps.executeUpdate();
        }
        return null;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
