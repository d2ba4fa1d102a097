package com.tagline.station.store;

import com.tagline.hardware.tag.ChipProtocol;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leased tags waiting for a chip ({@code leased_jobs}). A job is {@code available} until its tag
 * is used up ({@code done}: configured, or failed for good), given back ({@code released}) or found
 * with a lease expired beyond the grace ({@code expired}, never used: another station may hold it).
 * Jobs come out oldest first, in the order the platform leased them.
 *
 * <p>Threading: shares the store's single writer connection; call it only from the store's thread.
 */
public final class Jobs {
    private static final String SELECT = "SELECT tag_id, protocol, url, lease_id, lease_expires_at_ms FROM leased_jobs";

    private final Database db;

    Jobs(Database db) {
        this.db = db;
    }

    /**
     * Records leased tags in one transaction; a tag leased again becomes available again, unless it is
     * already configured on a chip here. The platform hands such a tag out again when its lease ran out
     * before the configured report landed (platform-api §1.2: the tag is still {@code created} and in no
     * live lease); it stays used up, and its report, applied even for an expired lease, settles it.
     */
    public void record(List<LeasedJob> jobs) {
        db.inTransaction("recordLease", c -> {
            for (LeasedJob job : jobs) {
                Attempts.update(c, "INSERT INTO leased_jobs (tag_id, protocol, url, lease_id, lease_expires_at_ms,"
                        + " state) VALUES (?, ?, ?, ?, ?, 'available') ON CONFLICT (tag_id) DO UPDATE SET"
                        + " protocol = excluded.protocol, url = excluded.url, lease_id = excluded.lease_id,"
                        + " lease_expires_at_ms = excluded.lease_expires_at_ms, state = 'available'"
                        + " WHERE NOT EXISTS (SELECT 1 FROM chip_attempts a WHERE a.tag_id = leased_jobs.tag_id"
                        + " AND a.state = 'configured')",
                        job.tagId(), job.protocol(), job.url(), job.leaseId(), job.leaseExpiresAt().toEpochMilli());
            }
            return null;
        });
    }

    /** The oldest available job of {@code protocol} whose lease expires at or after {@code notExpiredBefore}. */
    public Optional<LeasedJob> next(ChipProtocol protocol, Instant notExpiredBefore) {
        return db.read("nextJob", c -> first(list(c, SELECT + " WHERE state = 'available' AND held_by IS NULL"
                + " AND protocol = ? AND lease_expires_at_ms >= ? ORDER BY rowid LIMIT 1", protocol,
                notExpiredBefore.toEpochMilli())));
    }

    /** The job of {@code tagId}, in whatever state. */
    public Optional<LeasedJob> job(String tagId) {
        return db.read("job", c -> first(list(c, SELECT + " WHERE tag_id = ?", tagId)));
    }

    /** Whether the tag's job is still available (not done, released or expired). */
    public boolean isAvailable(String tagId) {
        return db.read("isAvailable", c -> Attempts.queryInt(c,
                "SELECT COUNT(*) FROM leased_jobs WHERE tag_id = ? AND state = 'available'", tagId)) > 0;
    }

    /** Whether chip {@code chipUid} may work on the tag: still available, and held by no other chip. */
    public boolean availableTo(String tagId, String chipUid) {
        return db.read("availableTo", c -> Attempts.queryInt(c, "SELECT COUNT(*) FROM leased_jobs WHERE tag_id = ?"
                + " AND state = 'available' AND (held_by IS NULL OR held_by = ?)", tagId, chipUid)) > 0;
    }

    /** The chip that holds the tag (architecture §5), if one does. */
    public Optional<String> heldBy(String tagId) {
        return db.read("heldBy", c -> Attempts.queryString(c, "SELECT held_by FROM leased_jobs WHERE tag_id = ?"
                + " AND held_by IS NOT NULL", tagId));
    }

    /** Available jobs per protocol. */
    public int available(ChipProtocol protocol) {
        return db.read("availableJobs", c -> Attempts.queryInt(c,
                "SELECT COUNT(*) FROM leased_jobs WHERE state = 'available' AND protocol = ?", protocol));
    }

    /** Available jobs per protocol whose lease expires at or after {@code notExpiredBefore}. */
    public int available(ChipProtocol protocol, Instant notExpiredBefore) {
        return db.read("availableJobs", c -> Attempts.queryInt(c, "SELECT COUNT(*) FROM leased_jobs WHERE"
                + " state = 'available' AND held_by IS NULL AND protocol = ? AND lease_expires_at_ms >= ?", protocol,
                notExpiredBefore.toEpochMilli()));
    }

    /**
     * Marks available jobs whose lease expired before {@code cutoff} as expired; returns how many. A tag held
     * by its chip never expires here: the chip carries it, and its report settles it with the platform.
     */
    public int expireBefore(Instant cutoff) {
        return db.inTransaction("expireJobs", c -> Attempts.update(c, "UPDATE leased_jobs SET state = 'expired'"
                + " WHERE state = 'available' AND held_by IS NULL AND lease_expires_at_ms < ?", cutoff.toEpochMilli()));
    }

    /** The tag is used up: configured, or reported failed for good. */
    public void finish(String tagId) {
        db.inTransaction("finishJob", c -> Attempts.update(c, "UPDATE leased_jobs SET state = 'done' WHERE tag_id = ?", tagId));
    }

    /** The platform renewed the lease until {@code expiresAt}. */
    public void renewed(String leaseId, Instant expiresAt) {
        db.inTransaction("renewLease", c -> Attempts.update(c, "UPDATE leased_jobs SET lease_expires_at_ms = ?"
                + " WHERE lease_id = ?", expiresAt.toEpochMilli(), leaseId));
    }

    /** The lease was given back: its available jobs are no longer ours. */
    public void released(String leaseId) {
        db.inTransaction("releaseLease", c -> Attempts.update(c, "UPDATE leased_jobs SET state = 'released'"
                + " WHERE lease_id = ? AND state = 'available' AND held_by IS NULL", leaseId));
    }

    /** Every lease that still has available jobs or unconfirmed outcomes, soonest expiry first. */
    public List<LeaseSummary> leases() {
        return db.read("leases", c -> {
            List<LeaseSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT j.lease_id, MIN(j.lease_expires_at_ms),"
                    + " SUM(j.state = 'available'), (SELECT COUNT(*) FROM outcomes o JOIN outbox b"
                    + " ON b.outcome_id = o.outcome_id JOIN leased_jobs k ON k.tag_id = o.tag_id"
                    + " WHERE k.lease_id = j.lease_id AND b.state <> 'confirmed')"
                    + " + (SELECT COUNT(*) FROM chip_attempts a JOIN leased_jobs k ON k.tag_id = a.tag_id"
                    + " WHERE k.lease_id = j.lease_id AND k.state = 'available' AND a.state IN ('in_flight', 'interrupted'))"
                    + " + SUM(j.state = 'available' AND j.held_by IS NOT NULL)"
                    + " FROM leased_jobs j"
                    + " GROUP BY j.lease_id ORDER BY 2");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(3) > 0 || rs.getInt(4) > 0) {
                        out.add(new LeaseSummary(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                                rs.getInt(3), rs.getInt(4)));
                    }
                }
            }
            return out;
        });
    }

    /** Jobs per state, for the summary and the operator page. */
    public Map<String, Integer> counts() {
        return db.read("jobCounts", c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM leased_jobs GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    private static List<LeasedJob> list(Connection c, String sql, Object... args) throws SQLException {
        List<LeasedJob> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Attempts.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LeasedJob(rs.getString(1), Attempts.protocol(rs.getString(2), "leasedJob"), rs.getString(3),
                            rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        }
        return out;
    }

    private static Optional<LeasedJob> first(List<LeasedJob> jobs) {
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }
}
