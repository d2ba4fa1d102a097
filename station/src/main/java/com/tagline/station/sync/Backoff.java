package com.tagline.station.sync;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with jitter: after the n-th consecutive failure the delay is drawn uniformly
 * from [d/2, d] where d = min(max, initial × 2^(n-1)). The jitter keeps many stations from retrying
 * in lockstep after a shared outage; the lower half-bound keeps the delay growing.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final Random random;

    public Backoff(Duration initial, Duration max, Random random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The delay after {@code failures} consecutive failures (1 = the first). */
    public Duration delay(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        long ceiling = initial.toMillis();
        for (int i = 1; i < failures && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + (long) (random.nextDouble() * (ceiling - floor + 1)));
    }

    /** {@link #delay}, but never shorter than the server's {@code Retry-After}. */
    public Duration delay(int failures, Duration retryAfter) {
        Duration d = delay(failures);
        return retryAfter != null && retryAfter.compareTo(d) > 0 ? retryAfter : d;
    }
}
