package com.tagline.simulator.ntag424;

import java.time.Duration;

/** Waits for a duration; the simulated link's response latency goes through it so tests can fake it. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration);

    /** Real sleeping with {@link Thread#sleep}; an interrupt is restored and ends the wait early. */
    static Sleeper real() {
        return d -> {
            try {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
