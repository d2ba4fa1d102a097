package com.tagline.station.sync;

import com.tagline.hardware.retry.Backoff;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How the outbox is drained.
 *
 * @param batchSize      reports per request, 1..500 (platform-api §1.2)
 * @param interval       how often an idle sync looks for new reports
 * @param backoffInitial first delay after a failure
 * @param backoffMax     longest delay between tries
 */
public record SyncPolicy(int batchSize, Duration interval, Duration backoffInitial, Duration backoffMax) {
    public SyncPolicy {
        if (batchSize < 1 || batchSize > 500) {
            throw new IllegalArgumentException("batch size must be 1..500, was " + batchSize);
        }
    }

    /** The backoff this policy describes ({@code backoffInitial} up to {@code backoffMax}), jitter from {@code jitter}. */
    public Backoff backoff(RandomGenerator jitter) {
        return Backoff.jittered(backoffInitial, backoffMax, jitter);
    }

    public static SyncPolicy defaults() {
        return new SyncPolicy(100, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(60));
    }
}
