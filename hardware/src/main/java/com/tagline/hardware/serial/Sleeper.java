package com.tagline.hardware.serial;

import java.time.Duration;

/**
 * Waits for a duration. Injected wherever the radio path must pause (reconnect backoff, PN532
 * wake-up and baud-rate switch delays) so tests never sleep (architecture §3).
 */
@FunctionalInterface
public interface Sleeper {
    /** The real thing: {@link Thread#sleep(long, int)}. */
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
