package com.tagline.station.run;

import com.tagline.hardware.time.UtcClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A wall clock that a test can step, as NTP steps a Raspberry Pi's clock that booted without a real-time clock or
 * an operator runs {@code date -s}: the system's time plus an offset that {@link #step} changes at once.
 */
final class SteppedWallClock extends UtcClock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock by {@code by} at once; negative moves it back. */
    void step(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
