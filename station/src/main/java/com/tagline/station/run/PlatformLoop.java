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
 * back off); an unexpected error (a store that cannot write on a full disk) is logged when it starts, at DEBUG
 * while it repeats, and once when a pass works again, and the loop goes on after a pause.
 */
final class PlatformLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(PlatformLoop.class);
    private static final Duration LONGEST_SLEEP = Duration.ofSeconds(1);

    private final PlatformWork work;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile boolean stopped;
    /** Passes that failed in a row; the platform thread's own. */
    private int failedPasses;

    PlatformLoop(PlatformWork work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                Instant next = work.tick();
                if (failedPasses > 0) {
                    log.info("event=platform_loop_recovered failed_passes={}", failedPasses);
                    failedPasses = 0;
                }
                Instant limit = clock.instant().plus(LONGEST_SLEEP);
                pause(Duration.between(clock.instant(), next.isBefore(limit) ? next : limit));
            } catch (RuntimeException e) {
                // once a second while it lasts: the first with its stack, the rest only at DEBUG
                if (failedPasses++ == 0) {
                    log.error("event=platform_loop_error error=\"{}\"", e.toString(), e);
                } else {
                    log.debug("event=platform_loop_error error=\"{}\"", e.toString());
                }
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
