package com.tagline.station.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome reports waiting for the platform (architecture §5: at-least-once, nothing deleted
 * before confirmed). Rows move {@code pending → sent → confirmed}; {@code sent → pending} again via
 * {@link #retryLater} once an ambiguous send is reconciled; {@code pending|sent → quarantined} for an
 * operator. No row is ever deleted by this class.
 *
 * <p>Threading: shares the store's single writer connection; call it only from the store's thread.
 */
public final class Outbox {
    private static final String SELECT = "SELECT b.outbox_id, o.attempt_id, o.tag_id, o.chip_uid, o.outcome,"
            + " o.reason, o.detail, o.key_set_version, o.station, o.attempts, o.occurred_at_ms, b.state, b.tries,"
            + " b.next_attempt_at_ms, b.last_error FROM outbox b JOIN outcomes o ON o.outcome_id = b.outcome_id";

    private final Database db;
    private final Clock clock;

    Outbox(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Up to {@code limit} pending rows whose next attempt time has come, earliest due first, then oldest. */
    public List<OutboxEntry> pending(int limit) {
        // Due time, then age: the order of index outbox_by_state (state, next_attempt_at_ms, rowid), so a
        // batch reads its first rows instead of sorting every due row.
        return db.read("pending", c -> list(c, SELECT + " WHERE b.state = 'pending' AND b.next_attempt_at_ms <= ?"
                + " ORDER BY b.next_attempt_at_ms, b.outbox_id LIMIT ?", clock.millis(), limit));
    }

    /** The row, in whatever state. */
    public Optional<OutboxEntry> entry(long outboxId) {
        return db.read("entry", c -> {
            List<OutboxEntry> l = list(c, SELECT + " WHERE b.outbox_id = ?", outboxId);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        });
    }

    /** Request handed to the platform, answer not yet known: pending → sent, one more try counted. */
    public void markSent(long outboxId) {
        move("markSent", outboxId, OutboxState.SENT, null, clock.millis(), 1, OutboxState.PENDING);
    }

    /** {@link #markSent(long)} for a whole batch, in one transaction. */
    public void markSent(List<Long> outboxIds) {
        moveAll("markSent", outboxIds, OutboxState.SENT, 1, OutboxState.PENDING);
    }

    /** {@link #markConfirmed(long)} for a whole batch, in one transaction. */
    public void markConfirmed(List<Long> outboxIds) {
        moveAll("markConfirmed", outboxIds, OutboxState.CONFIRMED, 0, OutboxState.PENDING, OutboxState.SENT);
    }

    /** {@link #retryLater(long, String, Instant)} for a whole batch, in one transaction. */
    public void retryLater(List<Long> outboxIds, String error, Instant at) {
        moveAll("retryLater", outboxIds, OutboxState.PENDING, 0, error, at, OutboxState.PENDING, OutboxState.SENT);
    }

    /**
     * The wall clock stepped by {@code step}: each pending row that was still waiting at {@code before} (its due time
     * after it, in the clock's old reading) is due {@code step} later, so it waits what remained of its delay.
     *
     * @return the rows moved
     */
    public int moveWaitingDueTimes(Instant before, java.time.Duration step) {
        return db.inTransaction("moveWaitingDueTimes", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET next_attempt_at_ms = next_attempt_at_ms + ?"
                    + " WHERE state = 'pending' AND next_attempt_at_ms > ?")) {
                ps.setLong(1, step.toMillis());
                ps.setLong(2, before.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Pending rows due after {@code limit} are due at {@code now}: no wait the sync sets is that long, so their due
     * times were stored while the wall clock was ahead (a restart after NTP stepped it back).
     *
     * @return the rows made due
     */
    public int dueNowIfAfter(Instant limit, Instant now) {
        return db.inTransaction("dueNowIfAfter", c -> Attempts.update(c, "UPDATE outbox SET next_attempt_at_ms = ?"
                + " WHERE state = 'pending' AND next_attempt_at_ms > ?", now.toEpochMilli(), limit.toEpochMilli()));
    }

    /** Rows handed to the platform whose answer never came (ambiguous), oldest first. */
    public List<OutboxEntry> sent(int limit) {
        return db.read("sent", c -> list(c, SELECT + " WHERE b.state = 'sent' ORDER BY b.outbox_id LIMIT ?", limit));
    }

    /** Rows per state ({@code pending}, {@code sent}, {@code confirmed}, {@code quarantined}). */
    public Map<String, Integer> counts() {
        return db.read("outboxCounts", c -> {
            Map<String, Integer> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM outbox GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** The earliest time a pending row is due, if any row is pending. */
    public Optional<Instant> nextDue() {
        return db.read("nextDue", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(next_attempt_at_ms) FROM outbox WHERE state = 'pending'");
                 ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(v));
            }
        });
    }

    /** The platform answered accepted or duplicate: pending|sent → confirmed. */
    public void markConfirmed(long outboxId) {
        move("markConfirmed", outboxId, OutboxState.CONFIRMED, null, clock.millis(), 0,
                OutboxState.PENDING, OutboxState.SENT);
    }

    /** Send failed or was reconciled as not applied: sent|pending → pending, not before {@code at}. */
    public void retryLater(long outboxId, String error, Instant at) {
        move("retryLater", outboxId, OutboxState.PENDING, error, at.toEpochMilli(), 0,
                OutboxState.PENDING, OutboxState.SENT);
    }

    /** Kept for an operator (conflict, rejected): pending|sent → quarantined, never sent again. */
    public void quarantine(long outboxId, String error) {
        move("quarantine", outboxId, OutboxState.QUARANTINED, error, clock.millis(), 0,
                OutboxState.PENDING, OutboxState.SENT);
    }

    /**
     * Closed without any platform call (an ixkio {@code failed} outcome is reported locally only, its tag
     * code left Inactive): pending|sent → confirmed with {@code confirmed_locally = 1} and {@code note} as
     * its last_error. The row and its outcome stay.
     */
    public void confirmLocally(long outboxId, String note) {
        java.util.Objects.requireNonNull(note, "note");
        db.inTransaction("confirmLocally", c -> {
            OutboxState current = currentState(c, "confirmLocally", outboxId);
            if (current != OutboxState.PENDING && current != OutboxState.SENT) {
                throw new StoreException("confirmLocally", "outbox row " + outboxId + " is " + current.code()
                        + "; cannot confirm it locally");
            }
            Attempts.update(c, "UPDATE outbox SET state = 'confirmed', confirmed_locally = 1, last_error = ?,"
                    + " updated_at_ms = ? WHERE outbox_id = ?", note, clock.millis(), outboxId);
            return null;
        });
    }

    /** Whether the row was confirmed locally ({@link #confirmLocally}) rather than by the platform. */
    public boolean confirmedLocally(long outboxId) {
        return db.read("confirmedLocally", c -> Attempts.queryInt(c,
                "SELECT COUNT(*) FROM outbox WHERE outbox_id = ? AND confirmed_locally = 1", outboxId)) > 0;
    }

    /** Rows confirmed locally, without a platform call. */
    public int confirmedLocally() {
        return db.read("confirmedLocallyCount", c -> Attempts.queryInt(c,
                "SELECT COUNT(*) FROM outbox WHERE confirmed_locally = 1"));
    }

    /**
     * The operator sends quarantined reports back to the platform (issue 14): each row of
     * {@code outboxIds} (all quarantined rows when empty) goes quarantined → pending, due now, with
     * {@code reason} recorded in {@code outbox_requeues} beside the error it had. One transaction; a row
     * that is not quarantined refuses the whole request.
     *
     * @return the rows requeued, oldest first
     */
    public List<Long> requeueQuarantined(List<Long> outboxIds, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new StoreException("requeueQuarantined", "an operator's reason is required");
        }
        long now = clock.millis();
        return db.inTransaction("requeueQuarantined", c -> {
            List<Long> ids = outboxIds.isEmpty() ? Attempts.queryLongs(c,
                    "SELECT outbox_id FROM outbox WHERE state = 'quarantined' ORDER BY outbox_id") : outboxIds;
            for (long id : ids) {
                if (currentState(c, "requeueQuarantined", id) != OutboxState.QUARANTINED) {
                    throw new StoreException("requeueQuarantined", "outbox row " + id + " is not quarantined");
                }
                Attempts.update(c, "INSERT INTO outbox_requeues (outbox_id, reason, previous_error, requeued_at_ms)"
                        + " SELECT outbox_id, ?, last_error, ? FROM outbox WHERE outbox_id = ?", reason.strip(), now, id);
                Attempts.update(c, "UPDATE outbox SET state = 'pending', next_attempt_at_ms = ?, updated_at_ms = ?,"
                        + " last_error = ? WHERE outbox_id = ?", now, now, "requeued by an operator: " + reason.strip(),
                        id);
            }
            return List.copyOf(ids);
        });
    }

    /**
     * What waits to go out, for the operator: rows pending, sent without an answer yet, quarantined,
     * and when the oldest unconfirmed-and-not-quarantined row was queued. Reads only those states
     * (index {@code outbox_by_state}), never the confirmed history.
     */
    public OutboxBacklog backlog() {
        return db.read("backlog", c -> {
            Map<String, Integer> n = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM outbox"
                    + " WHERE state IN ('pending', 'sent', 'quarantined') GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n.put(rs.getString(1), rs.getInt(2));
                }
            }
            Optional<Instant> oldest;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(created_at_ms) FROM outbox WHERE state IN ('pending', 'sent')");
                 ResultSet rs = ps.executeQuery()) {
                long v = rs.next() ? rs.getLong(1) : 0;
                oldest = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
            }
            return new OutboxBacklog(n.getOrDefault("pending", 0), n.getOrDefault("sent", 0),
                    n.getOrDefault("quarantined", 0), oldest);
        });
    }

    /** Rows not yet confirmed (pending, sent and quarantined): what the queue limit counts. */
    public int unconfirmed() {
        return db.read("unconfirmed", c -> Attempts.queryInt(c,
                "SELECT COUNT(*) FROM outbox WHERE state <> 'confirmed'"));
    }

    static long insert(Connection c, long outcomeId, long now) throws SQLException {
        Attempts.update(c, "INSERT INTO outbox (outcome_id, state, tries, next_attempt_at_ms, created_at_ms,"
                + " updated_at_ms) VALUES (?, 'pending', 0, ?, ?, ?)", outcomeId, now, now, now);
        return Attempts.queryLong(c, "SELECT last_insert_rowid()");
    }

    private void move(String operation, long outboxId, OutboxState to, String error, long nextAt, int addTries,
                      OutboxState... from) {
        db.inTransaction(operation, c -> {
            OutboxState current = currentState(c, operation, outboxId);
            if (!List.of(from).contains(current)) {
                throw new StoreException(operation, "outbox row " + outboxId + " is " + current.code()
                        + "; cannot move it to " + to.code());
            }
            Attempts.update(c, "UPDATE outbox SET state = ?, tries = tries + ?, next_attempt_at_ms = ?,"
                            + " last_error = COALESCE(?, last_error), updated_at_ms = ? WHERE outbox_id = ?",
                    to.code(), addTries, nextAt, error, clock.millis(), outboxId);
            return null;
        });
    }

    private void moveAll(String operation, List<Long> outboxIds, OutboxState to, int addTries,
                         OutboxState... from) {
        moveAll(operation, outboxIds, to, addTries, null, null, from);
    }

    private void moveAll(String operation, List<Long> outboxIds, OutboxState to, int addTries, String error,
                         Instant nextAt, OutboxState... from) {
        long now = clock.millis();
        db.inTransaction(operation, c -> {
            for (long id : outboxIds) {
                OutboxState current = currentState(c, operation, id);
                if (!List.of(from).contains(current)) {
                    throw new StoreException(operation, "outbox row " + id + " is " + current.code()
                            + "; cannot move it to " + to.code());
                }
                Attempts.update(c, "UPDATE outbox SET state = ?, tries = tries + ?, updated_at_ms = ?,"
                        + " next_attempt_at_ms = COALESCE(?, next_attempt_at_ms), last_error = COALESCE(?, last_error)"
                        + " WHERE outbox_id = ?", to.code(), addTries, now,
                        nextAt == null ? null : nextAt.toEpochMilli(), error, id);
            }
            return null;
        });
    }

    private static OutboxState currentState(Connection c, String operation, long outboxId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM outbox WHERE outbox_id = ?")) {
            ps.setLong(1, outboxId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(operation, "no outbox row " + outboxId);
                }
                return OutboxState.ofCode(rs.getString(1));
            }
        }
    }

    private static List<OutboxEntry> list(Connection c, String sql, Object... args) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    private static OutboxEntry map(ResultSet rs) throws SQLException {
        int keySet = rs.getInt(8);
        OptionalInt keySetVersion = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(keySet);
        return new OutboxEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                Outcome.ofCode(rs.getString(5)), rs.getString(6), rs.getString(7), keySetVersion, rs.getString(9),
                rs.getInt(10), Instant.ofEpochMilli(rs.getLong(11)), OutboxState.ofCode(rs.getString(12)),
                rs.getInt(13), Instant.ofEpochMilli(rs.getLong(14)), Optional.ofNullable(rs.getString(15)));
    }
}
