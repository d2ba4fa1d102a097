package com.tagline.station.sync;

import com.tagline.hardware.retry.Backoff;
import com.tagline.station.platform.HttpTransport;
import com.tagline.station.store.StoreAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The due-time and backoff bookkeeping of the outbox sync ({@link OutboxSync}, whatever its sink):
 * consecutive failures, the time before which no pass may call the platform, when an
 * idle sink looks again, and whether the outbox is drained.
 *
 * <p>Its times are of the {@code elapsed} clock, which never steps: a wall clock stepped back an hour would
 * otherwise hold the sync for that hour, and one stepped forward would cut a {@code Retry-After} short. The rows'
 * stored due times are wall time (they outlive the process); when the wall clock steps they are moved with it.
 *
 * <p>Threading: owned by its sink's thread.
 */
final class SyncSchedule {
    private static final Logger log = LoggerFactory.getLogger(SyncSchedule.class);
    /** A change of the wall clock against the elapsed clock beyond this is a step, not drift or slewing. */
    static final Duration STEP = Duration.ofSeconds(1);

    private final StoreAccess store;
    private final SyncPolicy policy;
    private final Backoff backoff;
    private final Clock wall;
    private final Clock elapsed;
    private int failures;
    private Instant blockedUntil = Instant.MIN;
    /** Wall time minus elapsed time at the last look, in ms; null before the first. */
    private Long wallAhead;

    SyncSchedule(StoreAccess store, SyncPolicy policy, Backoff backoff, Clock wall, Clock elapsed) {
        this.store = store;
        this.policy = policy;
        this.backoff = backoff;
        this.wall = wall;
        this.elapsed = elapsed;
    }

    /**
     * When the wall clock stepped since the last look, moves the stored due times of rows still waiting by the same
     * step, so each waits what remained of its delay: stepped back an hour, a row refused with {@code Retry-After: 5}
     * is due in 5 s, not in an hour and 5 s.
     */
    void followWallClock() {
        long ahead = wall.millis() - elapsed.millis();
        Long before = wallAhead;
        wallAhead = ahead;
        if (before == null) {
            dueTimesFromBeforeTheStart();
            return;
        }
        if (Math.abs(ahead - before) <= STEP.toMillis()) {
            return;
        }
        long step = ahead - before;
        Instant oldNow = wall.instant().minusMillis(step);
        int moved = store.call(s -> s.outbox().moveWaitingDueTimes(oldNow, Duration.ofMillis(step)));
        log.warn("event=wall_clock_stepped by_ms={} outbox_rows_retimed={}", step, moved);
    }

    /**
     * At the first look after a start, a stored due time further ahead than any wait the sync sets (its longest
     * backoff, or the longest {@code Retry-After} it honours) was written while the wall clock ran ahead, and that
     * step happened while the station was down, where {@link #followWallClock} could not see it. Those rows are due
     * now rather than held for the length of the step; the platform answers again with its own wait if it must.
     */
    private void dueTimesFromBeforeTheStart() {
        Duration longest = policy.backoffMax().compareTo(HttpTransport.Response.LONGEST_RETRY_AFTER) > 0
                ? policy.backoffMax() : HttpTransport.Response.LONGEST_RETRY_AFTER;
        Instant now = wall.instant();
        int reset = store.call(s -> s.outbox().dueNowIfAfter(now.plus(longest), now));
        if (reset > 0) {
            log.warn("event=outbox_due_times_reset rows={} why=\"due more than {} s ahead at start: stored while the"
                    + " wall clock was ahead\"", reset, longest.toSeconds());
        }
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
        blockedUntil = elapsed.instant().plus(delay);
        return blockedUntil;
    }

    /**
     * When an idle sink looks again: when the earliest row is due (its wall time turned into the elapsed clock's),
     * but no later than one interval from {@code now}.
     */
    Instant nextIdle(Instant now) {
        Optional<Instant> due = store.call(s -> s.outbox().nextDue()).map(d -> now.plus(Duration.between(wall.instant(), d)));
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
