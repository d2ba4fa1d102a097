package com.tagline.station.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Virtual time shared by the station (test thread) and the tagbase emulator (its event loop): it moves
 * only when a test moves it. Thread-safe, unlike the line's single-threaded {@code SimulatedClock}.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    /** Moves to {@code t} when it is later than now; never goes back. */
    public void advanceTo(Instant t) {
        now.updateAndGet(current -> t.isAfter(current) ? t : current);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
