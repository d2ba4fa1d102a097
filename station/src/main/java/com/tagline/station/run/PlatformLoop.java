package com.tagline.station.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's platform thread (architecture §3): {@link PlatformWork#tick()} when something is due,
 * sleeping in between. Platform trouble never ends the loop (the job source and the sync raise alarms and
 * back off); an unexpected error is logged and the loop goes on after a pause.
 */
final class PlatformLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(PlatformLoop.class);
    private static final Duration LONGEST_SLEEP = Duration.ofSeconds(1);

    private final PlatformWork work;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile boolean stopped;

    PlatformLoop(PlatformWork work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                Instant next = work.tick();
                Instant limit = clock.instant().plus(LONGEST_SLEEP);
                pause(Duration.between(clock.instant(), next.isBefore(limit) ? next : limit));
            } catch (RuntimeException e) {
                log.error("event=platform_loop_error error=\"{}\"", e.toString(), e);
                pause(LONGEST_SLEEP);
            }
        }
    }

    /** Ends the loop after its current pass. */
    void stop() {
        stopped = true;
        stop.countDown();
    }

    private void pause(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return;
        }
        try {
            stop.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** A real sleep, for {@link PlatformWork#flush}. */
    static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
