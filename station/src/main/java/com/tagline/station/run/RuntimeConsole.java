package com.tagline.station.run;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.config.ConfigException;
import com.tagline.station.config.StationConfig;
import com.tagline.station.console.ChipFeed;
import com.tagline.station.console.ConsoleEvents;
import com.tagline.station.console.ConsoleSettings;
import com.tagline.station.console.ControlResult;
import com.tagline.station.console.PublishedView;
import com.tagline.station.console.StationCommands;
import com.tagline.station.console.StationConsole;
import com.tagline.station.console.StationControls;
import com.tagline.station.console.StationSnapshot;
import com.tagline.station.console.StoreSample;
import com.tagline.station.console.SyncFeed;
import com.tagline.station.line.LineState;
import com.tagline.station.line.StackLight;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects {@code station run} to its operator console (issue 14): publishes the line (from the line
 * thread), a store sample and the sync counters (from its own {@code console-sampler} thread, through
 * the store's thread) into a {@link PublishedView}, feeds the chips to the console, and carries out the
 * operator's controls on the threads that own each part.
 */
final class RuntimeConsole implements StationControls, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RuntimeConsole.class);
    private static final long SAMPLE_EVERY_MS = 1_000;

    /** What of the running station the console reaches. {@code line} or {@code bench} is null by mode. */
    record Parts(Station station, LineRuntime line, BenchLoop bench, ChipFeed chips,
                 java.util.function.Function<String, java.util.Optional<String>> scrap) {
    }

    private final Parts parts;
    private final PublishedView view;
    private final List<ChipProtocol> protocols;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            r -> LineRuntime.daemon(r, "console-sampler"));
    private final StationConsole console;
    private final SyncFeed syncFeed;

    private RuntimeConsole(Parts p, ConsoleSettings settings) {
        this.parts = p;
        Station s = p.station();
        StationConfig c = s.config();
        this.protocols = c.encoding().protocols();
        this.view = new PublishedView(c.station(), c.line().conveyor() ? "conveyor" : "hand-fed", s.clock(), s.alarms(),
                s.antenna()::connected, () -> s.antenna().firmware().map(Object::toString).orElse("-"),
                c.storage().minFreeBytes(), s.keys().version());
        if (p.line() != null) {
            p.line().publishTo(view::publishLine);
        } else {
            publishBench();
        }
        sample();
        this.console = StationConsole.start(settings, view, this, s.clock().instant());
        this.syncFeed = new SyncFeed(s.platform().sync().stats(), console.events());
        p.chips().attach(console.events());
        sampler.scheduleWithFixedDelay(this::sample, SAMPLE_EVERY_MS, SAMPLE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts serving {@code p}'s station.
     *
     * @throws IllegalStateException when it cannot listen
     */
    static RuntimeConsole start(Parts p, ConsoleSettings settings) {
        return new RuntimeConsole(p, settings);
    }

    private void sample() {
        try {
            if (syncFeed != null) {
                syncFeed.poll(parts.station().clock().instant());
            }
            if (parts.bench() != null) {
                publishBench();
            }
            Station s = parts.station();
            view.publishStore(StoreSample.read(s.store(), s.config().dataDir().resolve("station.db"), protocols,
                    s.clock().instant()));
        } catch (RuntimeException e) {
            log.warn("event=console_sample_failed error=\"{}\"", e.getMessage());
        }
    }

    private void publishBench() {
        boolean paused = parts.bench().paused();
        view.publishLine(new StationSnapshot.Line(paused ? LineState.PAUSED : LineState.RUNNING, Optional.empty(),
                paused, StackLight.OFF));
    }

    String url() {
        return console.url();
    }

    @Override
    public ControlResult reset() {
        if (parts.line() == null) {
            return ControlResult.unsupported("a hand-fed bench has no line to reset");
        }
        return parts.line().reset() ? ControlResult.done("line restarted")
                : ControlResult.refused("reset refused: the e-stop is still active, or nothing needs a reset");
    }

    @Override
    public ControlResult pause() {
        boolean done = parts.line() != null ? parts.line().pause() : parts.bench().pause();
        return done ? ControlResult.done("line paused") : ControlResult.refused("pause refused: the line is not running");
    }

    @Override
    public ControlResult resume() {
        boolean done = parts.line() != null ? parts.line().resume() : parts.bench().resume();
        return done ? ControlResult.done("line resumed") : ControlResult.refused("the line was not paused");
    }

    @Override
    public ControlResult acknowledgeAlarm(String code) {
        return StationCommands.acknowledge(parts.station().alarms(), code);
    }

    @Override
    public ControlResult requeueQuarantined(List<Long> outboxIds, String reason) {
        return StationCommands.requeue(parts.station().store(), outboxIds, reason);
    }

    /** The platform's token read again from its source ({@link PlatformWork#reloadCredentials()}). */
    @Override
    public ControlResult reloadCredentials() {
        StationConfig.Platform platform = parts.station().config().platform();
        boolean changed;
        try {
            changed = parts.station().platform().reloadCredentials();
        } catch (RuntimeException e) {
            return ControlResult.refused("the platform token cannot be read: " + problems(e));
        }
        return ControlResult.done("platform token read again from " + platform.apiKey() + (changed ? "" : " (unchanged)")
                + "; the job source and the sync try at once");
    }

    /** The chip will not ship; a tag it took goes on ({@link StationRuntime#scrap}, on the reader's thread). */
    @Override
    public ControlResult scrapChip(String uid) {
        return parts.scrap().apply(uid).map(tag -> ControlResult.done("chip " + uid + " scrapped; tag " + tag
                + " goes to the next chip")).orElseGet(() -> ControlResult.refused("chip " + uid + " holds no tag"));
    }

    private static String problems(RuntimeException e) {
        return e instanceof ConfigException c ? String.join("; ", c.problems()) : e.getMessage();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        parts.chips().attach(ConsoleEvents.NONE);
        view.storeClosed();
        console.close();
    }
}
