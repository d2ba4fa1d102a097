package com.tagline.station.store;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One outbox row with the outcome report it carries (platform-api §1.2, report outcomes).
 *
 * @param reason        the platform reason code ({@code configured} for a configured chip)
 * @param keySetVersion the key-set version the chip was configured with; never a key
 * @param attempts      how many attempts the station made for this tag, this one included
 * @param occurredAt    configured_at or failed_at
 */
public record OutboxEntry(long outboxId, long attemptId, String tagId, String chipUid, Outcome outcome,
                          String reason, String detail, OptionalInt keySetVersion, String station, int attempts,
                          Instant occurredAt, OutboxState state, int tries, Instant nextAttemptAt,
                          Optional<String> lastError) {
}
