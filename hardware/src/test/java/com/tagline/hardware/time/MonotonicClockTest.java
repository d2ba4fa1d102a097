package com.tagline.hardware.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MonotonicClockTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void movesWithTheNanosecondCounterFromItsOrigin() {
        AtomicLong nanos = new AtomicLong(-5_000_000_000L); // System.nanoTime() may be negative
        MonotonicClock clock = new MonotonicClock(T0, nanos::get);
        assertEquals(T0, clock.instant());
        nanos.addAndGet(Duration.ofMillis(1500).toNanos());
        assertEquals(T0.plusMillis(1500), clock.instant());
        assertEquals(T0.plusMillis(1500).toEpochMilli(), clock.millis());
    }

    @Test
    void theSystemClockNeverGoesBack() {
        MonotonicClock clock = MonotonicClock.system();
        Instant last = clock.instant();
        for (int i = 0; i < 10_000; i++) {
            Instant now = clock.instant();
            assertFalse(now.isBefore(last), now + " after " + last);
            last = now;
        }
    }
}
