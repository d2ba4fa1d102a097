package com.tagline.station.console;

import java.time.Duration;
import java.time.Instant;

/**
 * Good chips per 10-second bucket over the last hour, on the station's clock: the rolling rate (the
 * last 5 minutes projected to an hour, as line dashboards show it; hmi.md §1) and the trend (per-minute
 * rates for the last hour). Not thread-safe: {@link ChipTally} guards it.
 */
final class RateWindow {
    static final Duration BUCKET = Duration.ofSeconds(10);
    static final Duration RATE_WINDOW = Duration.ofMinutes(5);
    private static final int BUCKETS = 360; // one hour
    private static final int PER_MINUTE = 6;

    private final long[] ids = new long[BUCKETS];
    private final long[] counts = new long[BUCKETS];

    RateWindow() {
        java.util.Arrays.fill(ids, Long.MIN_VALUE);
    }

    void add(Instant at) {
        long id = bucket(at);
        int i = (int) Math.floorMod(id, (long) BUCKETS);
        if (ids[i] != id) {
            ids[i] = id;
            counts[i] = 0;
        }
        counts[i]++;
    }

    /**
     * Chips in the 5 minutes up to {@code now} projected to an hour. In the first 5 minutes after
     * {@code since} (the counters' start) the window is only as long as the time that has passed, at
     * least one bucket, so a line that just started does not show a fraction of its rate.
     */
    long perHour(Instant now, Instant since) {
        int n = (int) (RATE_WINDOW.toSeconds() / BUCKET.toSeconds());
        long chips = sum(bucket(now) - n + 1, n);
        long window = Math.max(BUCKET.toSeconds(), Math.min(RATE_WINDOW.toSeconds(),
                Duration.between(since, now).toSeconds()));
        return Math.round(chips * 3600.0 / window);
    }

    /** The hourly rate of each of the last 60 minutes, oldest first (the current minute last). */
    long[] trend(Instant now) {
        long[] out = new long[BUCKETS / PER_MINUTE];
        long last = bucket(now);
        for (int m = 0; m < out.length; m++) {
            long firstOfMinute = last - (long) (out.length - 1 - m) * PER_MINUTE - PER_MINUTE + 1;
            out[m] = sum(firstOfMinute, PER_MINUTE) * 60;
        }
        return out;
    }

    private long sum(long firstId, int n) {
        long total = 0;
        for (long id = firstId; id < firstId + n; id++) {
            int i = (int) Math.floorMod(id, (long) BUCKETS);
            if (ids[i] == id) {
                total += counts[i];
            }
        }
        return total;
    }

    private static long bucket(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), BUCKET.toSeconds());
    }
}
