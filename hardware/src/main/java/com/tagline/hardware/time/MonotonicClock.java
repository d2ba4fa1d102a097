package com.tagline.hardware.time;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * A clock that moves only forward, at the pace of {@link System#nanoTime()}: it starts at the wall time when it is
 * made and then never jumps, whatever is done to the wall clock (NTP stepping a Raspberry Pi that booted without a
 * real-time clock, an operator's {@code date -s}). It is for durations, deadlines, backoffs and schedules; a time
 * that is stored, shown or compared with another machine's (an outcome's time, a lease's expiry) is wall time.
 *
 * <p>Its instants drift from the wall clock by every step the wall clock takes, so an instant of this clock is
 * only ever compared with another of the same clock. Always UTC; {@link #withZone} returns this clock.
 *
 * <p>Thread-safe.
 */
public final class MonotonicClock extends UtcClock {
    private final Instant origin;
    private final long originNanos;
    private final LongSupplier nanos;

    MonotonicClock(Instant origin, LongSupplier nanos) {
        this.origin = origin;
        this.nanos = nanos;
        this.originNanos = nanos.getAsLong();
    }

    /** The system's monotonic time, starting at the wall clock's now. */
    public static MonotonicClock system() {
        return new MonotonicClock(Instant.now(), System::nanoTime);
    }

    @Override
    public Instant instant() {
        return origin.plusNanos(nanos.getAsLong() - originNanos);
    }

    @Override
    public String toString() {
        return "MonotonicClock[from " + origin + "]";
    }
}
