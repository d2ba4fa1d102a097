package com.tagline.station.store;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Reason;
import com.tagline.station.personalize.Step;
import com.tagline.station.personalize.StepListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The station's durable local store over one SQLite file (architecture §5): leased jobs, chip
 * attempts with the intent of each step, outcomes, and the outbox of outcome reports.
 *
 * <p>Every mutating operation is one transaction committed with {@code synchronous=FULL} in WAL
 * mode, so it is on disk when the method returns: an attempt before the chip is touched, an intent
 * before each step, an outcome together with its outbox row.
 *
 * <p>Threading: one writer connection, owned by the thread that called {@link #open}; calls from any
 * other thread fail with {@link StoreException}. Hand work to that thread rather than sharing the store.
 *
 * <p>Failures: every JDBC error and every refused operation (constraint, wrong state, newer schema)
 * is a {@link StoreException} naming the operation; a refused transaction leaves the file unchanged.
 * No key material is ever stored; outcomes carry only the key-set version (architecture §6).
 */
public final class Store implements AutoCloseable {
    private final StoreConfig config;
    private final Database db;
    private final Outbox outbox;
    private final Jobs jobs;
    private final ManifestJobs manifestJobs;
    private final Holds holds;

    private Store(StoreConfig config, Database db) {
        this.config = config;
        this.db = db;
        this.outbox = new Outbox(db, config.clock());
        this.jobs = new Jobs(db);
        this.manifestJobs = new ManifestJobs(db, config.clock());
        this.holds = new Holds(db, config.clock());
    }

    /** Opens (creating if needed) and migrates the database; refuses a schema newer than this code. */
    public static Store open(StoreConfig config) {
        return open(config, Schema.MIGRATIONS);
    }

    static Store open(StoreConfig config, List<Migration> migrations) {
        Database db = Database.open(config);
        try {
            Schema.migrate(db, migrations, config.clock());
            return new Store(config, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Records (or refreshes) one leased tag. */
    public void recordLease(LeasedJob job) {
        jobs.record(List.of(job));
    }

    /** The leased job for {@code tagId}, if any. */
    public Optional<LeasedJob> leasedJob(String tagId) {
        return jobs.job(tagId);
    }

    /** The leased tags waiting for chips. */
    public Jobs jobs() {
        return jobs;
    }

    /** The jobs of imported ixkio encoding manifests and their optional tag code fields. */
    /** Tags that belong to a chip, and their release (architecture §5). */
    public Holds holds() {
        return holds;
    }

    public ManifestJobs manifestJobs() {
        return manifestJobs;
    }

    /**
     * Commits a new in-flight attempt before the chip is touched. Refuses a chip UID already bound to
     * another tag, and a tag already configured on a chip.
     *
     * @return the attempt id
     */
    public long beginAttempt(String tagId, String chipUid, ChipProtocol protocol) {
        Objects.requireNonNull(tagId, "tagId");
        Objects.requireNonNull(chipUid, "chipUid");
        Objects.requireNonNull(protocol, "protocol");
        return db.inTransaction("beginAttempt",
                c -> Attempts.insert(c, tagId, chipUid, protocol, config.clock().millis()));
    }

    /**
     * Commits the intent to run {@code step} on an in-flight attempt; call before the step runs. The intent
     * of the step that makes the chip take its tag (the first irreversible one) is durable before the step
     * runs (architecture §5). Every other intent is deferred to the next durable commit: a restart resumes
     * from what the chip shows, not from these records, and each saves an fsync.
     */
    public void recordIntent(long attemptId, Step step) {
        Objects.requireNonNull(step, "step");
        boolean takesTheTag = step.irreversible() && db.read("recordIntent", c -> Attempts.takesItsTag(c, attemptId));
        Database.Work<Void> work = c -> {
            Attempts.recordIntent(c, attemptId, step, config.clock().millis());
            return null;
        };
        if (takesTheTag) {
            db.inTransaction("recordIntent", work);
        } else {
            db.inDeferredTransaction("recordIntent", work);
        }
    }

    /** Durable commits since the store opened: each one fsync of the WAL (the store benchmark's count). */
    public long durableCommits() {
        return db.durableCommits();
    }

    /**
     * A {@link StepListener} that commits the intent of each step before it runs. It refuses (and so
     * aborts the personalization) when the chip in the field is not the attempt's chip.
     */
    public StepListener intentRecorder(long attemptId) {
        String uid = attempt(attemptId)
                .orElseThrow(() -> new StoreException("intentRecorder", "no attempt " + attemptId)).chipUid();
        return (step, uidHex) -> {
            if (!uid.equalsIgnoreCase(uidHex)) {
                throw new StoreException("recordIntent", "attempt " + attemptId + " is for chip " + uid
                        + ", not " + uidHex);
            }
            recordIntent(attemptId, step);
        };
    }

    /**
     * Ends an in-flight or interrupted attempt: writes its outcome and the outbox row that reports it,
     * and marks its tag's job done, in one transaction. A configured outcome needs {@link Reason#CONFIGURED} and a key-set version; a
     * failed one any other reason. Refused when the tag is already configured on another chip.
     *
     * @param keySetVersion the key-set version, or {@code null} for a failure before any key was set
     * @return the outbox row id
     */
    public long completeAttempt(long attemptId, Outcome outcome, Reason reason, String detail,
                                Integer keySetVersion) {
        checkOutcome(outcome, reason, keySetVersion);
        long now = config.clock().millis();
        AttemptState to = outcome == Outcome.CONFIGURED ? AttemptState.CONFIGURED : AttemptState.FAILED;
        try {
            return writeOutcome(attemptId, outcome, reason, detail, keySetVersion, to, now);
        } catch (StoreException e) {
            if (e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("chip_attempts.tag_id")) {
                throw new StoreException("completeAttempt", "attempt " + attemptId + ": its tag is already"
                        + " configured on another chip; the outcome was not recorded", e);
            }
            throw e;
        }
    }

    /**
     * The tag's chips ran out after its last chip was released (rejected or scrapped, {@link Holds#release}):
     * its {@code failed} outcome is queued with that chip's attempt, reason and detail, and the tag is used up,
     * in one transaction.
     *
     * @return the outbox row id
     */
    public long closeFailedTag(String tagId) {
        long now = config.clock().millis();
        return db.inTransaction("closeFailedTag", c -> {
            long attemptId = Attempts.queryLong(c, "SELECT MAX(attempt_id) FROM chip_attempts WHERE tag_id = ?", tagId);
            AttemptRecord a = Attempts.find(c, attemptId).orElseThrow(() ->
                    new StoreException("closeFailedTag", "tag " + tagId + " has no attempt"));
            String reason = Attempts.queryString(c, "SELECT reason FROM chip_attempts WHERE attempt_id = ?", attemptId)
                    .orElse(Reason.INTERRUPTED.code());
            String detail = Attempts.queryString(c, "SELECT detail FROM chip_attempts WHERE attempt_id = ?", attemptId)
                    .orElse("");
            return outcomeRows(c, "closeFailedTag", attemptId, Outcome.FAILED, reasonOf(reason), detail, null,
                    AttemptState.FAILED, now, AttemptState.FAILED);
        });
    }

    private static Reason reasonOf(String code) {
        for (Reason r : Reason.values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        return Reason.CHIP_ERROR;
    }

    /**
     * Ends an in-flight or interrupted attempt as failed WITHOUT reporting the tag: its chip is
     * rejected and the tag is tried again on the next chip (issue: retried up to a configured count).
     */
    public void failAttempt(long attemptId, Reason reason, String detail) {
        Objects.requireNonNull(reason, "reason");
        if (reason == Reason.CONFIGURED) {
            throw new StoreException("failAttempt", "a failed attempt cannot have reason configured");
        }
        db.inTransaction("failAttempt", c -> {
            Attempts.transition(c, "failAttempt", attemptId, AttemptState.FAILED, config.clock().millis(),
                    AttemptState.IN_FLIGHT, AttemptState.INTERRUPTED);
            Attempts.update(c, "UPDATE chip_attempts SET reason = ?, detail = ? WHERE attempt_id = ?",
                    reason.code(), detail == null ? "" : detail, attemptId);
            return null;
        });
    }

    private long writeOutcome(long attemptId, Outcome outcome, Reason reason, String detail, Integer keySetVersion,
                              AttemptState to, long now) {
        return db.inTransaction("completeAttempt", c -> outcomeRows(c, "completeAttempt", attemptId, outcome, reason,
                detail, keySetVersion, to, now, AttemptState.IN_FLIGHT, AttemptState.INTERRUPTED));
    }

    /** Inside the caller's transaction: ends the attempt, inserts its outcome and outbox row; returns the row id. */
    private long outcomeRows(java.sql.Connection c, String operation, long attemptId, Outcome outcome, Reason reason,
                             String detail, Integer keySetVersion, AttemptState to, long now, AttemptState... from)
            throws java.sql.SQLException {
        AttemptRecord a = Attempts.transition(c, operation, attemptId, to, now, from);
        Attempts.update(c, "UPDATE chip_attempts SET reason = ?, detail = ? WHERE attempt_id = ?",
                reason.code(), detail == null ? "" : detail, attemptId);
        Attempts.update(c, "INSERT INTO outcomes (attempt_id, tag_id, chip_uid, outcome, reason, detail,"
                + " key_set_version, station, attempts, occurred_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                attemptId, a.tagId(), a.chipUid(), outcome.code(), reason.code(), detail == null ? "" : detail,
                keySetVersion, config.station(), a.attemptNumber(), now);
        long outcomeId = Attempts.queryLong(c, "SELECT last_insert_rowid()");
        // The tag is used up in the same transaction: a power cut between two commits would leave a
        // configured tag available, and every next chip would be handed it and refused.
        Attempts.update(c, "UPDATE leased_jobs SET state = 'done' WHERE tag_id = ?", a.tagId());
        return Outbox.insert(c, outcomeId, now);
    }

    /**
     * Bulk path for benchmarks and data migrations, NOT for encoding: writes for each chip exactly the
     * rows that {@link #beginAttempt}, {@link #completeAttempt} and {@link Jobs#finish} write for a chip
     * that ended (binding, attempt, outcome, outbox row, job done), with the same checks, but all
     * chips in ONE transaction. The encoding path must keep its per-step commits: an attempt has to
     * be on disk before its chip is touched, which a batch cannot give. A refused chip (UID bound to
     * another tag, tag already configured) rolls the whole batch back.
     *
     * @return the outbox row ids, in the order of {@code outcomes}
     */
    public List<Long> importOutcomes(List<ImportedOutcome> outcomes) {
        Objects.requireNonNull(outcomes, "outcomes");
        outcomes.forEach(o -> checkOutcome(o.outcome(), o.reason(), o.keySetVersion()));
        return db.inTransaction("importOutcomes", c -> {
            List<Long> ids = new java.util.ArrayList<>(outcomes.size());
            for (ImportedOutcome o : outcomes) {
                long now = config.clock().millis();
                long attemptId = Attempts.insert(c, o.tagId(), o.chipUid(), o.protocol(), now);
                AttemptState to = o.outcome() == Outcome.CONFIGURED ? AttemptState.CONFIGURED : AttemptState.FAILED;
                ids.add(outcomeRows(c, "importOutcomes", attemptId, o.outcome(), o.reason(), o.detail(),
                        o.keySetVersion(), to, now, AttemptState.IN_FLIGHT));
            }
            return ids;
        });
    }

    private static void checkOutcome(Outcome outcome, Reason reason, Integer keySetVersion) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (outcome == Outcome.CONFIGURED && (reason != Reason.CONFIGURED || keySetVersion == null)) {
            throw new StoreException("completeAttempt", "a configured outcome needs reason configured"
                    + " and a key-set version");
        }
        if (outcome == Outcome.FAILED && reason == Reason.CONFIGURED) {
            throw new StoreException("completeAttempt", "a failed outcome cannot have reason configured");
        }
    }

    /** Attempts left in flight, oldest first: after a crash, the chips whose state must be inspected. */
    public List<AttemptRecord> attemptsInFlight() {
        return db.read("attemptsInFlight", c -> Attempts.inState(c, AttemptState.IN_FLIGHT));
    }

    /** Marks an in-flight attempt interrupted (crash recovery); it may still be completed later. */
    public void markInterrupted(long attemptId) {
        db.inTransaction("markInterrupted", c -> Attempts.transition(c, "markInterrupted", attemptId,
                AttemptState.INTERRUPTED, config.clock().millis(), AttemptState.IN_FLIGHT));
    }

    /** The tag the chip is bound to since its first attempt (a chip never serves two tags). */
    public Optional<String> boundTag(String chipUid) {
        return db.read("boundTag", c -> Attempts.boundTag(c, chipUid));
    }

    /** The chip's newest attempt, if it was ever attempted: tells a resumed chip from a new one. */
    public Optional<AttemptRecord> latestAttemptOfChip(String chipUid) {
        return db.read("latestAttemptOfChip", c -> Attempts.latestOfChip(c, chipUid));
    }

    /** Configured chips with the URL written on each, oldest first (self-test scans, association export). */
    public List<ConfiguredChip> configuredChips() {
        return db.read("configuredChips", c -> {
            List<ConfiguredChip> out = new java.util.ArrayList<>();
            try (var ps = c.prepareStatement("SELECT o.tag_id, o.chip_uid, a.protocol, j.url FROM outcomes o"
                    + " JOIN chip_attempts a ON a.attempt_id = o.attempt_id JOIN leased_jobs j ON j.tag_id = o.tag_id"
                    + " WHERE o.outcome = 'configured' ORDER BY o.outcome_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ConfiguredChip(rs.getString(1), rs.getString(2),
                            Attempts.protocol(rs.getString(3), "configuredChips"), rs.getString(4)));
                }
            }
            return out;
        });
    }

    /** How many different chips were tried for the tag (reactivations and resumes of one chip count once). */
    public int chipsTried(String tagId) {
        return db.read("chipsTried", c -> Attempts.queryInt(c,
                "SELECT COUNT(DISTINCT chip_uid) FROM chip_attempts WHERE tag_id = ?", tagId));
    }

    /** Tags whose outcome is {@code failed}: their attempts ran out (or the URL cannot fit). */
    public int failedOutcomes() {
        return db.read("failedOutcomes", c -> Attempts.queryInt(c, "SELECT COUNT(*) FROM outcomes WHERE outcome = 'failed'"));
    }

    /** The attempt, in whatever state. */
    public Optional<AttemptRecord> attempt(long attemptId) {
        return db.read("attempt", c -> Attempts.find(c, attemptId));
    }

    /** The steps whose intent was committed for the attempt, in order. */
    public List<Step> intents(long attemptId) {
        return db.read("intents", c -> Attempts.intents(c, attemptId));
    }

    /** The outbox of outcome reports. */
    public Outbox outbox() {
        return outbox;
    }

    /**
     * Whether the station may keep leasing: {@link Capacity#DISK_LOW} when usable space on the
     * database's file store is below the threshold, else {@link Capacity#QUEUE_FULL} when unconfirmed
     * outbox rows reached the limit, else {@link Capacity#OK}.
     */
    public Capacity capacity() {
        Path dir = config.file().toAbsolutePath().getParent();
        try {
            if (Files.getFileStore(dir).getUsableSpace() < config.minFreeBytes()) {
                return Capacity.DISK_LOW;
            }
        } catch (IOException e) {
            throw new StoreException("capacity", "cannot read free space of " + dir + ": " + e.getMessage(), e);
        }
        return outbox.unconfirmed() >= config.queueLimit() ? Capacity.QUEUE_FULL : Capacity.OK;
    }

    /** The applied schema version. */
    public int schemaVersion() {
        return db.read("schemaVersion", Schema::currentVersion);
    }

    /** The value of a pragma on the writer connection (for checks and diagnostics). */
    String pragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("bad pragma name " + name);
        }
        return db.read("pragma", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    @Override
    public void close() {
        db.close();
    }
}
