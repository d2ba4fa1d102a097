package com.tagline.station.run;

import com.tagline.station.config.StationConfig;
import com.tagline.station.console.ChipFeed;
import com.tagline.station.workflow.EncodeOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code station run}: a {@link Station} on its threads (architecture §3): {@code store} owns SQLite,
 * {@code reader} owns the serial link, the PN532 and the chip session, {@code platform} runs the job source
 * and the outcome sync, {@code line} owns the line controller (conveyor mode; hand-fed mode polls the
 * antenna on the reader thread instead), and the operator console ({@link RuntimeConsole}) when the
 * configuration enables it.
 *
 * <p>Start-up resolves attempts a crash left in flight from the chip at the antenna before anything
 * else. {@link #close()} is the clean shutdown (SIGTERM): the line stops, the chip in progress is
 * finished or aborted as interrupted, the outbox is flushed for a bounded time, unused leases are
 * released, outputs go safe and the store closes.
 */
public final class StationRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StationRuntime.class);
    private static final Duration FLUSH_BUDGET = Duration.ofSeconds(10);

    private final Station station;
    private final ScheduledExecutorService readerThread = Executors.newSingleThreadScheduledExecutor(
            r -> LineRuntime.daemon(r, "reader"));
    private final PlatformLoop platformLoop;
    private final Thread platformThread;
    private final LineRuntime line;
    private final BenchLoop bench;
    /** The chips for the console; wired before it starts, so none encoded meanwhile is missed. */
    private final ChipFeed chips;
    private Optional<RuntimeConsole> console = Optional.empty();
    private volatile boolean closed;

    private StationRuntime(Station station, Consumer<EncodeOutcome> outcomes) {
        this.station = station;
        this.chips = new ChipFeed(station.clock());
        outcomes = outcomes.andThen(chips);
        // schedules and timers run on time that never steps (architecture §3); chips and alarms keep wall times
        this.platformLoop = new PlatformLoop(station.platform(), station.elapsed());
        this.platformThread = LineRuntime.daemon(platformLoop, "platform");
        if (station.lineIo().isPresent()) {
            this.line = new LineRuntime(station.elapsed(), station.lineIo().get(), station.config().line().signals(),
                    station.config().line().timing(), readerThread, station.antenna(), station.encoder(), outcomes,
                    station.alarms());
            this.bench = null;
        } else {
            this.line = null;
            this.bench = new BenchLoop(station.antenna(), station.encoder(), Duration.ofMillis(200), outcomes);
        }
    }

    /**
     * Starts {@code station}'s threads; on failure closes it.
     *
     * @param outcomes told of every chip's outcome (the operator display; may be a no-op)
     */
    public static StationRuntime start(Station station, Consumer<EncodeOutcome> outcomes) {
        StationRuntime r;
        try {
            r = new StationRuntime(station, outcomes);
        } catch (RuntimeException e) {
            station.close();
            throw e;
        }
        try {
            r.begin();
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
        return r;
    }

    private void begin() {
        console = station.console().map(settings -> RuntimeConsole.start(
                new RuntimeConsole.Parts(station, line, bench, chips, this::scrap), settings));
        await(readerThread.submit(() -> station.encoder().recover(station.antenna())));
        station.platform().jobs().runOnce(); // work on hand before the first chip; offline, this only raises the alarm
        platformThread.start();
        if (line != null && station.config().line().afterRestart() == StationConfig.AfterRestart.WAIT_FOR_CLEAR) {
            line.startAfterClearing();
        } else if (line != null) {
            line.start(); // items left on the belt reach the gate untracked and are rejected
        } else {
            bench.startOn(readerThread);
        }
    }

    public Station station() {
        return station;
    }

    /**
     * The operator declares chip {@code uid} scrapped (it will not ship): a tag it held goes to the next chip
     * (architecture §5). Runs on the reader thread, between two chips.
     *
     * @return the tag released, empty when the chip held none
     * @throws IllegalStateException naming the chip and why, when the release failed or the reader thread did not
     *     take it within 30 s
     */
    public Optional<String> scrap(String uid) {
        try {
            return readerThread.submit(() -> station.encoder().release(uid.toUpperCase(java.util.Locale.ROOT),
                    com.tagline.station.store.Holds.SCRAPPED_BY_OPERATOR)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scrap " + uid + ": " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("scrap " + uid + ": the reader thread did not take it within 30 s", e);
        }
    }

    /** Where the operator console listens, unless {@code console.enabled} is false. */
    public Optional<String> consoleUrl() {
        return console.map(RuntimeConsole::url);
    }

    /** The operator's reset of the line (no-op in hand-fed mode). */
    public boolean reset() {
        return line != null && line.reset();
    }

    public String status() {
        return (line == null ? "hand-fed" : line.status()) + ", alarms " + station.alarms().raised().keySet();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("event=station_stopping");
        console.ifPresent(c -> closeQuietly(c::close));
        if (line != null) {
            closeQuietly(line::close);
        }
        if (bench != null) {
            bench.stop();
        }
        readerThread.shutdown();
        awaitTermination(readerThread);
        platformLoop.stop();
        // A platform call in progress may take its whole request timeout; sync and job source are not safe
        // on two threads, so they are flushed here only once the platform thread has ended.
        join(platformThread, station.config().platform().requestTimeout().plusSeconds(2));
        if (platformThread.isAlive()) {
            log.error("event=station_stopped outbox_flushed=false leases_released=0"
                    + " why=\"the platform thread did not end; outcomes stay on disk for the next start\"");
        } else {
            boolean[] flushed = {false};
            int[] released = {0};
            closeQuietly(() -> flushed[0] = station.platform().flush(FLUSH_BUDGET, PlatformLoop::sleep));
            closeQuietly(() -> released[0] = station.platform().releaseUnused());
            log.info("event=station_stopped outbox_flushed={} leases_released={}", flushed[0], released[0]);
        }
        station.close();
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static void awaitTermination(ExecutorService s) {
        try {
            if (!s.awaitTermination(30, TimeUnit.SECONDS)) {
                log.error("event=reader_did_not_stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t, Duration limit) {
        try {
            t.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("event=close_failed error=\"{}\"", e.toString());
        }
    }
}
