package com.tagline.station.platform.tagbase;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One entry of {@code POST /api/v1/tag_configurations} (platform-api §1.2).
 *
 * @param configured    {@code true} for outcome {@code configured}, else {@code failed}
 * @param uid           the chip UID (upper-case hex); sent for configured, and for failed when known
 * @param reason        the failure reason code; ignored for configured
 * @param keyVersion    the key-set version of a configured chip
 * @param occurredAt    configured_at or failed_at
 */
public record OutcomeReport(String tagId, boolean configured, String uid, String reason, String detail,
                            OptionalInt keyVersion, Instant occurredAt, String station, int attempts) {
    public OutcomeReport {
        Objects.requireNonNull(tagId, "tagId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(station, "station");
        if (configured && (uid == null || keyVersion.isEmpty())) {
            throw new IllegalArgumentException("a configured report needs the chip UID and key version");
        }
    }
}
