package com.tagline.simulator.line;

import com.tagline.hardware.time.UtcClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Virtual time: it moves only when its owner (the simulation, or a test) moves it, never by itself. Always in
 * UTC; {@link #withZone} returns this same clock.
 *
 * <p>Threading: thread-safe. One thread moves it while others read it, e.g. the simulation advances it while the
 * ixkio and tagbase emulators read it on their Vert.x event loops; each read sees the latest move.
 */
public final class SimulatedClock extends UtcClock {
    private final AtomicReference<Instant> now;

    public SimulatedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Moves the clock by {@code by}, which is not checked: a negative duration moves it back. */
    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    /** Moves the clock to {@code t} when {@code t} is later than now; otherwise leaves it where it is. */
    public void advanceTo(Instant t) {
        now.updateAndGet(current -> t.isAfter(current) ? t : current);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
