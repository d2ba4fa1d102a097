package com.tagline.station.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateWindowTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void theRateIsTheLastFiveMinutesProjectedToAnHour() {
        RateWindow w = new RateWindow();
        for (int s = 0; s < 600; s += 6) { // one chip every 6 s for 10 minutes: 600 an hour
            w.add(T0.plusSeconds(s));
        }
        assertEquals(600, w.perHour(T0.plusSeconds(599), T0));
        assertEquals(0, w.perHour(T0.plusSeconds(1200), T0), "nothing in the last 5 minutes");
    }

    @Test
    void aLineThatJustStartedShowsItsRateNotAFractionOfIt() {
        RateWindow w = new RateWindow();
        for (int s = 0; s < 60; s += 6) {
            w.add(T0.plusSeconds(s));
        }
        assertEquals(600, w.perHour(T0.plusSeconds(60), T0), "10 chips in the first minute");
    }

    @Test
    void theTrendHasOneHourlyRatePerMinuteOldestFirst() {
        RateWindow w = new RateWindow();
        for (int i = 0; i < 5; i++) {
            w.add(T0.plusSeconds(30)); // five chips in the first minute
        }
        w.add(T0.plusSeconds(3 * 60 + 5)); // one in the fourth
        long[] trend = w.trend(T0.plusSeconds(3 * 60 + 59));
        assertEquals(60, trend.length);
        assertEquals(60, trend[59], "the current minute: one chip, 60 an hour");
        assertEquals(0, trend[58]);
        assertEquals(300, trend[56], "three minutes ago: five chips");
    }
}
