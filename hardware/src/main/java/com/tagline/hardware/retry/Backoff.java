package com.tagline.hardware.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The one exponential backoff of the station: after the n-th consecutive failure the delay is
 * d = min(max, initial × 2^(n-1)), drawn uniformly from [d/2, d] when jittered. Jitter keeps many
 * stations from retrying in lockstep after a shared outage (sync, leasing); the lower half-bound keeps
 * the delay growing. Without jitter the delay is exactly d (a local device such as the reader's link,
 * where lockstep does not matter and tests want exact pauses).
 *
 * <p>Threading: immutable; a jittered backoff draws from its random generator, which must then be
 * used by one thread at a time.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator jitter;

    private Backoff(Duration initial, Duration max, RandomGenerator jitter) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + ".." + max);
        }
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
    }

    /** Doubling from {@code initial} to {@code max}, each delay drawn from its upper half with {@code jitter}. */
    public static Backoff jittered(Duration initial, Duration max, RandomGenerator jitter) {
        return new Backoff(initial, max, Objects.requireNonNull(jitter, "jitter"));
    }

    /** Doubling from {@code initial} to {@code max}, exactly. */
    public static Backoff exact(Duration initial, Duration max) {
        return new Backoff(initial, max, null);
    }

    public Duration initial() {
        return initial;
    }

    public Duration max() {
        return max;
    }

    /** The delay after {@code failures} consecutive failures (1 = the first); zero before any failure. */
    public Duration delay(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        long ceiling = initial.toMillis();
        for (int i = 1; i < failures && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        if (jitter == null) {
            return Duration.ofMillis(ceiling);
        }
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + (long) (jitter.nextDouble() * (ceiling - floor + 1)));
    }

    /** {@link #delay(int)}, but never shorter than {@code atLeast} (a server's {@code Retry-After}; may be null). */
    public Duration delay(int failures, Duration atLeast) {
        Duration d = delay(failures);
        return atLeast != null && atLeast.compareTo(d) > 0 ? atLeast : d;
    }
}
