package com.tagline.station.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What waits in the outbox, as the operator sees it.
 *
 * @param pending     rows due or waiting for their next attempt
 * @param sent        rows handed to the platform whose answer has not come (in doubt)
 * @param quarantined rows kept for an operator, never sent again on their own
 * @param oldestQueuedAt when the oldest pending or sent row was queued; empty when none waits
 */
public record OutboxBacklog(int pending, int sent, int quarantined, Optional<Instant> oldestQueuedAt) {
    public OutboxBacklog {
        Objects.requireNonNull(oldestQueuedAt, "oldestQueuedAt");
    }

    /** Rows still to be confirmed by the platform, quarantined ones aside. */
    public int unsent() {
        return pending + sent;
    }
}
