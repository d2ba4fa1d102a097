package com.tagline.station.simulate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a virtual clock to {@code pace} times real time ({@code station simulate --pace X}), so a
 * person can watch a simulated line: after each step it waits for as long as virtual time ran ahead.
 * It never speeds anything up; a slow host simply falls behind.
 */
final class Pacer {
    /** Waits shorter than this are skipped, to not park a thread for every 1 ms step. */
    private static final long MIN_WAIT_NANOS = Duration.ofMillis(2).toNanos();

    private final Clock clock;
    private final double pace;
    private Instant virtualStart;
    private long realStart;

    /** @param pace virtual seconds per real second, above 0 */
    Pacer(Clock clock, double pace) {
        if (!(pace > 0) || Double.isInfinite(pace)) {
            throw new IllegalArgumentException("--pace must be a number above 0, was " + pace);
        }
        this.clock = clock;
        this.pace = pace;
    }

    void step() {
        if (virtualStart == null) {
            virtualStart = clock.instant();
            realStart = System.nanoTime();
            return;
        }
        long virtualNanos = Duration.between(virtualStart, clock.instant()).toNanos();
        long ahead = Math.round(virtualNanos / pace) - (System.nanoTime() - realStart);
        if (ahead > MIN_WAIT_NANOS) {
            LockSupport.parkNanos(ahead);
        }
    }
}
