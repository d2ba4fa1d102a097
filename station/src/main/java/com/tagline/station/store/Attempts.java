package com.tagline.station.store;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Step;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL of the {@code chip_bindings}, {@code chip_attempts} and {@code attempt_intents} tables. */
final class Attempts {
    private static final String SELECT = "SELECT attempt_id, tag_id, chip_uid, protocol, attempt_number,"
            + " step_reached, state, started_at_ms, updated_at_ms FROM chip_attempts";

    private Attempts() {
    }

    /** Binds the UID to the tag (refusing a UID already bound elsewhere) and inserts the attempt. */
    static long insert(Connection c, String tagId, String chipUid, ChipProtocol protocol, long now) throws SQLException {
        Optional<String> boundTag = queryString(c, "SELECT tag_id FROM chip_bindings WHERE chip_uid = ?", chipUid);
        if (boundTag.isPresent() && !boundTag.get().equals(tagId)) {
            throw new StoreException("beginAttempt", "chip UID " + chipUid + " is already bound to tag "
                    + boundTag.get() + "; refusing to bind it to tag " + tagId);
        }
        Optional<String> configuredUid = queryString(c,
                "SELECT chip_uid FROM chip_attempts WHERE tag_id = ? AND state = 'configured'", tagId);
        if (configuredUid.isPresent()) {
            throw new StoreException("beginAttempt", "tag " + tagId + " is already configured on chip "
                    + configuredUid.get() + "; refusing a second chip " + chipUid);
        }
        if (boundTag.isEmpty()) {
            update(c, "INSERT INTO chip_bindings (chip_uid, tag_id, bound_at_ms) VALUES (?, ?, ?)",
                    chipUid, tagId, now);
        }
        int number = queryInt(c, "SELECT COUNT(*) + 1 FROM chip_attempts WHERE tag_id = ?", tagId);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chip_attempts (tag_id, chip_uid, protocol,"
                + " attempt_number, state, started_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, 'in_flight', ?, ?)")) {
            bind(ps, tagId, chipUid, protocol, number, now, now);
            ps.executeUpdate();
        }
        return queryLong(c, "SELECT last_insert_rowid()");
    }

    static void recordIntent(Connection c, long attemptId, Step step, long now) throws SQLException {
        requireState(c, "recordIntent", attemptId, AttemptState.IN_FLIGHT);
        int seq = queryInt(c, "SELECT COUNT(*) + 1 FROM attempt_intents WHERE attempt_id = ?", attemptId);
        update(c, "INSERT INTO attempt_intents (attempt_id, seq, step, irreversible, recorded_at_ms)"
                + " VALUES (?, ?, ?, ?, ?)", attemptId, seq, step.name(), step.irreversible() ? 1 : 0, now);
        update(c, "UPDATE chip_attempts SET step_reached = ?, updated_at_ms = ? WHERE attempt_id = ?",
                step.name(), now, attemptId);
        if (step.irreversible()) {
            hold(c, attemptId, now);
        }
    }

    /** Whether the attempt's chip does not hold its tag yet (its next irreversible step will take it). */
    static boolean takesItsTag(Connection c, long attemptId) throws SQLException {
        AttemptRecord a = find(c, attemptId).orElseThrow(() -> new StoreException("recordIntent", "no attempt "
                + attemptId));
        return queryString(c, "SELECT held_by FROM leased_jobs WHERE tag_id = ?", a.tagId())
                .filter(a.chipUid()::equals).isEmpty();
    }

    /**
     * The attempt's chip takes its tag for good, in the transaction of the first irreversible step's intent
     * (architecture §5); refused when another chip holds the tag, so that step never runs.
     */
    private static void hold(Connection c, long attemptId, long now) throws SQLException {
        AttemptRecord a = find(c, attemptId).orElseThrow();
        Optional<String> holder = queryString(c, "SELECT held_by FROM leased_jobs WHERE tag_id = ?", a.tagId());
        if (holder.isPresent() && !holder.get().equals(a.chipUid())) {
            throw new StoreException("recordIntent", "tag " + a.tagId() + " belongs to chip " + holder.get()
                    + "; chip " + a.chipUid() + " may not take it");
        }
        if (holder.isEmpty()) {
            update(c, "UPDATE leased_jobs SET held_by = ?, held_since_ms = ? WHERE tag_id = ?", a.chipUid(), now,
                    a.tagId());
        }
    }

    /** Moves an attempt from one of {@code from} to {@code to}; refuses any other current state. */
    static AttemptRecord transition(Connection c, String operation, long attemptId, AttemptState to, long now,
                                    AttemptState... from) throws SQLException {
        AttemptRecord a = requireState(c, operation, attemptId, from);
        update(c, "UPDATE chip_attempts SET state = ?, updated_at_ms = ? WHERE attempt_id = ?",
                to.code(), now, attemptId);
        return a;
    }

    static List<Step> intents(Connection c, long attemptId) throws SQLException {
        List<Step> steps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT step FROM attempt_intents WHERE attempt_id = ? ORDER BY seq")) {
            ps.setLong(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(Step.valueOf(rs.getString(1)));
                }
            }
        }
        return steps;
    }

    static List<AttemptRecord> inState(Connection c, AttemptState state) throws SQLException {
        List<AttemptRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE state = ? ORDER BY attempt_id")) {
            ps.setString(1, state.code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    static Optional<AttemptRecord> find(Connection c, long attemptId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE attempt_id = ?")) {
            ps.setLong(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static AttemptRecord requireState(Connection c, String operation, long attemptId,
                                              AttemptState... allowed) throws SQLException {
        AttemptRecord a = find(c, attemptId)
                .orElseThrow(() -> new StoreException(operation, "no attempt " + attemptId));
        for (AttemptState s : allowed) {
            if (a.state() == s) {
                return a;
            }
        }
        throw new StoreException(operation, "attempt " + attemptId + " is " + a.state().code());
    }

    private static AttemptRecord map(ResultSet rs) throws SQLException {
        String step = rs.getString(6);
        return new AttemptRecord(rs.getLong(1), rs.getString(2), rs.getString(3), protocol(rs.getString(4), "attempt"),
                rs.getInt(5),
                Optional.ofNullable(step).map(Step::valueOf), AttemptState.ofCode(rs.getString(7)),
                Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)));
    }

    /** Runs one statement; returns the rows changed. */
    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    static int queryInt(Connection c, String sql, Object... args) throws SQLException {
        return Math.toIntExact(queryLong(c, sql, args));
    }

    static long queryLong(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of every row. */
    static List<Long> queryLongs(Connection c, String sql, Object... args) throws SQLException {
        List<Long> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** The tag the chip UID is bound to, if the chip was ever attempted. */
    static Optional<String> boundTag(Connection c, String chipUid) throws SQLException {
        return queryString(c, "SELECT tag_id FROM chip_bindings WHERE chip_uid = ?", chipUid);
    }

    /** The chip's newest attempt, in whatever state. */
    static Optional<AttemptRecord> latestOfChip(Connection c, String chipUid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE chip_uid = ? ORDER BY attempt_id DESC LIMIT 1")) {
            ps.setString(1, chipUid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    static Optional<String> queryString(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Binds each argument; a {@link ChipProtocol} is stored as its code. */
    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i] instanceof ChipProtocol p ? p.code() : args[i]);
        }
    }

    /** A stored protocol code; one the code does not know means the store was written by something else. */
    static ChipProtocol protocol(String code, String where) {
        return ChipProtocol.byCode(code).orElseThrow(() -> new StoreException(where, "the store holds the unknown"
                + " protocol '" + code + "' (known: " + ChipProtocol.codes() + ")"));
    }
}
