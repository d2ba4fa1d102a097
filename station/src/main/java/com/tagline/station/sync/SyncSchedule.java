package com.tagline.station.sync;

import com.tagline.hardware.retry.Backoff;
import com.tagline.station.store.StoreAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The due-time and backoff bookkeeping of the outbox sync ({@link OutboxSync}, whatever its sink):
 * consecutive failures, the time before which no pass may call the platform, when an
 * idle sink looks again, and whether the outbox is drained.
 *
 * <p>Threading: owned by its sink's thread.
 */
final class SyncSchedule {
    private final StoreAccess store;
    private final SyncPolicy policy;
    private final Backoff backoff;
    private final Clock clock;
    private int failures;
    private Instant blockedUntil = Instant.MIN;

    SyncSchedule(StoreAccess store, SyncPolicy policy, Backoff backoff, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Whether a pass at {@code now} must wait (a backoff is running); see {@link #blockedUntil()}. */
    boolean blocked(Instant now) {
        return now.isBefore(blockedUntil);
    }

    Instant blockedUntil() {
        return blockedUntil;
    }

    /** The platform answered: the failure streak ends. */
    void succeeded() {
        failures = 0;
    }

    /** One more consecutive failure. */
    void failed() {
        failures++;
    }

    /** The backoff delay after the current failure streak, never shorter than {@code retryAfter} (may be null). */
    Duration backoff(Duration retryAfter) {
        return backoff.delay(failures, retryAfter);
    }

    /** {@link #backoff(Duration)} without a server hint. */
    Duration backoff() {
        return backoff.delay(failures);
    }

    /** No pass calls the platform before {@code delay} from now; returns that time. */
    Instant block(Duration delay) {
        blockedUntil = clock.instant().plus(delay);
        return blockedUntil;
    }

    /** When an idle sink looks again: the earliest due row, but no later than one interval from {@code now}. */
    Instant nextIdle(Instant now) {
        Optional<Instant> due = store.call(s -> s.outbox().nextDue());
        Instant idle = now.plus(policy.interval());
        return due.filter(d -> d.isBefore(idle)).map(d -> d.isBefore(now) ? now : d).orElse(idle);
    }

    /** True when nothing is pending or in doubt (quarantined rows wait for an operator). */
    boolean drained() {
        return store.call(s -> {
            var counts = s.outbox().counts();
            return counts.getOrDefault("pending", 0) == 0 && counts.getOrDefault("sent", 0) == 0;
        });
    }
}
