package com.tagline.station.run;

import com.tagline.station.sync.OutboxSync;
import com.tagline.station.workflow.Leasing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's platform thread (architecture §3): leasing and the outbox sync, each when it is due,
 * sleeping in between. Platform trouble never ends the loop (leasing and sync raise alarms and back
 * off); an unexpected error is logged and the loop goes on after a pause.
 */
final class PlatformLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(PlatformLoop.class);
    private static final Duration LEASE_EVERY = Duration.ofSeconds(2);
    private static final Duration LONGEST_SLEEP = Duration.ofSeconds(1);

    private final Leasing leasing;
    private final OutboxSync sync;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile boolean stopped;

    PlatformLoop(Leasing leasing, OutboxSync sync, Clock clock) {
        this.leasing = leasing;
        this.sync = sync;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant nextLease = clock.instant();
        Instant nextSync = clock.instant();
        while (!stopped) {
            try {
                Instant now = clock.instant();
                if (!now.isBefore(nextLease)) {
                    leasing.runOnce();
                    nextLease = now.plus(LEASE_EVERY);
                }
                if (!now.isBefore(nextSync)) {
                    nextSync = sync.runOnce();
                }
                Instant wake = earliest(nextLease, nextSync, clock.instant().plus(LONGEST_SLEEP));
                pause(Duration.between(clock.instant(), wake));
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

    /**
     * Sends what is still due until the outbox is drained or {@code budget} runs out (clean
     * shutdown: sync flushed). Call after {@link #stop()} and the loop's thread ended.
     *
     * @return whether the outbox drained
     */
    boolean flush(Duration budget) {
        Instant end = clock.instant().plus(budget);
        while (!sync.drained() && clock.instant().isBefore(end)) {
            Instant next = sync.runOnce();
            Duration wait = Duration.between(clock.instant(), next);
            if (!wait.isNegative() && !wait.isZero()) {
                if (next.isAfter(end)) {
                    return false;
                }
                sleep(wait);
            }
        }
        return sync.drained();
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

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant earliest(Instant a, Instant b, Instant c) {
        Instant m = a.isBefore(b) ? a : b;
        return m.isBefore(c) ? m : c;
    }
}
