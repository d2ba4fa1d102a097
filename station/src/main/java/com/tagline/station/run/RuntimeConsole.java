package com.tagline.station.run;

import com.tagline.station.config.ConfigException;
import com.tagline.station.config.StationConfig;
import com.tagline.station.console.ChipFeed;
import com.tagline.station.console.ConsoleSettings;
import com.tagline.station.console.ControlResult;
import com.tagline.station.console.OperatorToken;
import com.tagline.station.console.PublishedView;
import com.tagline.station.console.StationConsole;
import com.tagline.station.console.StationCommands;
import com.tagline.station.console.StationControls;
import com.tagline.station.console.StationSnapshot;
import com.tagline.station.console.StoreSample;
import com.tagline.station.console.SyncFeed;
import com.tagline.station.line.LineState;
import com.tagline.station.line.StackLight;
import com.tagline.station.platform.HttpTransport;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.sync.Alarms;
import com.tagline.station.sync.OutboxSync;
import com.tagline.station.workflow.Pn532Antenna;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
    record Parts(StationConfig config, Map<String, String> env, Clock clock, Alarms alarms, StoreAccess store,
                 Pn532Antenna antenna, LineRuntime line, BenchLoop bench, OutboxSync sync,
                 com.tagline.station.workflow.Leasing leasing, HttpTransport transport, int keySetVersion, ChipFeed chips) {
    }

    private final Parts parts;
    private final PublishedView view;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
            r -> LineRuntime.daemon(r, "console-sampler"));
    private final StationConsole console;
    private final SyncFeed syncFeed;

    private RuntimeConsole(Parts p, ConsoleSettings settings) {
        this.parts = p;
        StationConfig c = p.config();
        this.view = new PublishedView(c.station(), c.line().conveyor() ? "conveyor" : "hand-fed", p.clock(), p.alarms(),
                p.antenna()::connected, () -> p.antenna().firmware().map(Object::toString).orElse("-"),
                c.storage().minFreeBytes(), p.keySetVersion());
        if (p.line() != null) {
            p.line().publishTo(view::publishLine);
        } else {
            publishBench();
        }
        sample();
        this.console = StationConsole.start(settings, view, this, p.clock().instant());
        this.syncFeed = new SyncFeed(p.sync().stats(), console.events());
        p.chips().attach(console.events());
        sampler.scheduleWithFixedDelay(this::sample, SAMPLE_EVERY_MS, SAMPLE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * The console of {@code p.config()}, or empty when {@code console.enabled} is false.
     *
     * @throws ConfigException when the operator token cannot be read; IllegalStateException when it cannot listen
     */
    static Optional<RuntimeConsole> start(Parts p) {
        StationConfig.Console c = p.config().console();
        if (!c.enabled()) {
            return Optional.empty();
        }
        Optional<OperatorToken> token;
        try {
            token = c.operatorToken().map(s -> OperatorToken.of(s.read("console.operator_token", p.env())));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("console.operator_token", List.of(e.getMessage()));
        }
        return Optional.of(new RuntimeConsole(p, new ConsoleSettings(c.host(), c.port(), token, c.targetPerHour())));
    }

    private void sample() {
        try {
            if (syncFeed != null) {
                syncFeed.poll(parts.clock().instant());
            }
            if (parts.bench() != null) {
                publishBench();
            }
            view.publishStore(StoreSample.read(parts.store(), parts.config().dataDir().resolve("station.db"),
                    parts.config().encoding().protocols(), parts.clock().instant()));
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
        return StationCommands.acknowledge(parts.alarms(), code);
    }

    @Override
    public ControlResult requeueQuarantined(List<Long> outboxIds, String reason) {
        return StationCommands.requeue(parts.store(), outboxIds, reason);
    }

    @Override
    public ControlResult reloadCredentials() {
        String token;
        try {
            token = parts.config().platform().apiKey().read("platform.api_key", parts.env());
        } catch (ConfigException e) {
            return ControlResult.refused("the platform token cannot be read: " + String.join("; ", e.problems()));
        }
        parts.transport().useToken(token);
        parts.sync().credentialsRenewed();
        parts.leasing().credentialsRenewed();
        log.info("event=platform_token_reloaded source={}", parts.config().platform().apiKey());
        return ControlResult.done("platform token read again from " + parts.config().platform().apiKey()
                + "; leasing and the sync try at once");
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        parts.chips().attach(com.tagline.station.console.ConsoleEvents.NONE);
        view.storeClosed();
        console.close();
    }
}
