package com.tagline.station.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tags that belong to a chip (architecture §5): a chip takes its tag in the transaction of its first
 * irreversible step's intent ({@link Store#recordIntent}), and keeps it until it completes it or is known
 * not to ship. Only then, through {@link #release}, does the tag go to another chip; the release keeps the
 * chip's UID and why, so the tag's record names both chips.
 *
 * <p>Threading: shares the store's single writer connection; call it only from the store's thread.
 */
public final class Holds {
    /** Why a chip will not ship: the line's reject gate pushed it off. */
    public static final String REJECTED_BY_GATE = "rejected by the gate";
    /** Why a chip will not ship: an operator declared it scrapped. */
    public static final String SCRAPPED_BY_OPERATOR = "scrapped by an operator";

    private final Database db;
    private final Clock clock;

    Holds(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Tags held by a chip that has not completed them, oldest hold first. */
    public List<HeldTag> held() {
        return db.read("heldTags", c -> {
            List<HeldTag> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT tag_id, held_by, held_since_ms FROM leased_jobs"
                    + " WHERE state = 'available' AND held_by IS NOT NULL ORDER BY held_since_ms");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HeldTag(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            return out;
        });
    }

    /**
     * Chip {@code chipUid} will not ship ({@code why}: {@link #REJECTED_BY_GATE}, {@link #SCRAPPED_BY_OPERATOR}):
     * the tag it holds goes back to the pool for the next chip, and the release is recorded. An attempt of the
     * chip still in flight or interrupted ends failed. Nothing happens for a chip that holds no tag.
     *
     * @return the tag released, if the chip held one
     */
    public Optional<String> release(String chipUid, String why) {
        long now = clock.millis();
        return db.inTransaction("releaseHold", c -> {
            Optional<String> tag = Attempts.queryString(c, "SELECT tag_id FROM leased_jobs WHERE held_by = ?"
                    + " AND state = 'available'", chipUid);
            if (tag.isEmpty()) {
                return Optional.<String>empty();
            }
            Attempts.update(c, "UPDATE leased_jobs SET held_by = NULL, held_since_ms = NULL WHERE tag_id = ?", tag.get());
            Attempts.update(c, "INSERT INTO tag_releases (tag_id, chip_uid, reason, released_at_ms) VALUES (?, ?, ?, ?)",
                    tag.get(), chipUid, why, now);
            Attempts.update(c, "UPDATE chip_attempts SET state = 'failed', updated_at_ms = ?, detail = COALESCE(detail,"
                    + " '') || ? WHERE chip_uid = ? AND tag_id = ? AND state IN ('in_flight', 'interrupted')", now,
                    " (" + why + ")", chipUid, tag.get());
            return tag;
        });
    }

    /** The chips released from the tag, oldest first, each as {@code UID (why)}. */
    public List<String> releases(String tagId) {
        return db.read("tagReleases", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT chip_uid, reason FROM tag_releases WHERE tag_id = ?"
                    + " ORDER BY released_at_ms, rowid")) {
                ps.setString(1, tagId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + " (" + rs.getString(2) + ")");
                    }
                }
            }
            return out;
        });
    }
}
