package com.tagline.station.run;

import com.tagline.station.sync.OutboxSync;
import com.tagline.station.workflow.JobSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A station's platform side, whatever the platform: its {@link JobSource} every couple of seconds and its
 * {@link OutboxSync} whenever the sync says it is due. {@link #tick()} runs what is due now; the station's
 * platform thread ({@link PlatformLoop}) sleeps between ticks, a simulation ticks it in virtual time.
 *
 * <p>Threading: one thread at a time; sync and job source are not safe on two. {@link #reloadCredentials()}
 * may come from any thread.
 */
public final class PlatformWork {
    private static final Duration JOBS_EVERY = Duration.ofSeconds(2);

    private final JobSource jobs;
    private final OutboxSync sync;
    private final Clock clock;
    private Instant nextJobs;
    private Instant nextSync;
    private volatile boolean retryNow;

    public PlatformWork(JobSource jobs, OutboxSync sync, Clock clock) {
        this.jobs = jobs;
        this.sync = sync;
        this.clock = clock;
        this.nextJobs = clock.instant();
        this.nextSync = clock.instant();
    }

    public JobSource jobs() {
        return jobs;
    }

    public OutboxSync sync() {
        return sync;
    }

    /**
     * Runs what is due at the clock's time.
     *
     * @return when something is next due
     */
    public Instant tick() {
        Instant now = clock.instant();
        if (retryNow) {
            retryNow = false;
            nextJobs = now;
            nextSync = now;
        }
        if (!now.isBefore(nextJobs)) {
            jobs.runOnce();
            nextJobs = now.plus(JOBS_EVERY);
        }
        if (!now.isBefore(nextSync)) {
            nextSync = sync.runOnce();
        }
        return nextJobs.isBefore(nextSync) ? nextJobs : nextSync;
    }

    /**
     * Reads the platform token again from its source (the console's reload after a 401/403, issue 14) and
     * lets the job source and the sync call the platform on the next {@link #tick()}, without waiting out
     * their backoff. Any thread; the calls stay on the platform thread. The job source and the sync share
     * the one {@link com.tagline.station.platform.Credential}, so one reload serves both.
     *
     * @return whether the token changed
     * @throws RuntimeException what reading the token throws (the old token stays in use)
     */
    public boolean reloadCredentials() {
        boolean changed = sync.reloadCredentials();
        jobs.retryNow();
        retryNow = true;
        return changed;
    }

    /** Nothing pending or in doubt in the outbox. */
    public boolean drained() {
        return sync.drained();
    }

    /**
     * Sends what is still due until the outbox is drained or {@code budget} of the clock's time runs out,
     * waiting with {@code wait} in between (a real sleep, or a virtual clock's advance).
     *
     * @return whether the outbox drained
     */
    public boolean flush(Duration budget, Consumer<Duration> wait) {
        Instant end = clock.instant().plus(budget);
        while (!sync.drained() && clock.instant().isBefore(end)) {
            Instant next = sync.runOnce();
            Duration pause = Duration.between(clock.instant(), next);
            if (!pause.isNegative() && !pause.isZero()) {
                if (next.isAfter(end)) {
                    return false;
                }
                wait.accept(pause);
            }
        }
        return sync.drained();
    }

    /** Clean shutdown of the job source (tagbase: leases with unused tags go back). */
    public int releaseUnused() {
        return jobs.releaseUnused();
    }
}
