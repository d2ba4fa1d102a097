package com.tagline.station.simulate;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.console.ChipFeed;
import com.tagline.station.console.ConsoleSettings;
import com.tagline.station.console.ControlResult;
import com.tagline.station.console.PublishedView;
import com.tagline.station.console.StationConsole;
import com.tagline.station.console.StationControls;
import com.tagline.station.console.StationCommands;
import com.tagline.station.console.StationSnapshot;
import com.tagline.station.console.StoreSample;
import com.tagline.station.console.SyncFeed;
import com.tagline.station.line.LineController;
import com.tagline.station.line.LineState;
import com.tagline.station.line.StackLight;
import com.tagline.station.run.Station;
import com.tagline.station.workflow.EncodeOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console of {@code station simulate --console} (issue 14): the same {@link StationConsole}
 * as a running station, fed from the simulation's one thread. It shows the simulation's first station
 * (with {@code --stations N}, the others run beside it unseen). After each step in virtual time that
 * thread publishes the line, every quarter second of real time a store sample and the sync counters,
 * carries out the operator's queued commands (the line and the store are its own), presses the scheduled
 * e-stop, and paces virtual time ({@code --pace}). The console stays up after the run until
 * {@link #close()} ({@code --linger}).
 */
public final class SimulationConsole implements SimulationObserver, StationControls, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SimulationConsole.class);
    private static final long SAMPLE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final Duration COMMAND_WAIT = Duration.ofSeconds(10);

    /**
     * @param pace     virtual seconds per real second; empty: as fast as the host can
     * @param estopAt  virtual time into the run after which the simulated e-stop is pressed (at the first moment no
     *                 chip is being encoded), if at all
     * @param estopFor how long it stays pressed; the line then waits for the operator's reset
     */
    public record Options(ConsoleSettings settings, OptionalDouble pace, Optional<Duration> estopAt, Duration estopFor) {
        public Options {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(estopAt, "estopAt");
            Objects.requireNonNull(estopFor, "estopFor");
            if (pace.isPresent() && !(pace.getAsDouble() > 0 && Double.isFinite(pace.getAsDouble()))) {
                throw new IllegalArgumentException("--pace must be a number above 0, was " + pace.getAsDouble());
            }
            if (estopFor.isNegative() || estopAt.map(Duration::isNegative).orElse(false)) {
                throw new IllegalArgumentException("--estop-at and --estop-for must not be negative");
            }
        }
    }

    private final Options options;
    private final Consumer<String> onListening;
    private final ConcurrentLinkedQueue<FutureTask<ControlResult>> commands = new ConcurrentLinkedQueue<>();
    private Station station;
    private Path dbFile;
    private List<ChipProtocol> protocols;
    private PublishedView view;
    private volatile StationConsole console;
    private SyncFeed sync;
    private ChipFeed feed;
    private SimulatedLineRun line;
    private Pacer pacer;
    private Instant start;
    private long lastSample;
    private boolean estopPressed;
    private boolean estopReleased;
    private volatile boolean ended;

    /** @param onListening told the console's URL once it listens (the CLI prints it) */
    public SimulationConsole(Options options, Consumer<String> onListening) {
        this.options = options;
        this.onListening = onListening;
    }

    @Override
    public void opened(SimulatedStation simulated) {
        Station s = simulated.station();
        this.station = s;
        this.dbFile = s.config().dataDir().resolve("station.db");
        this.protocols = s.config().encoding().protocols();
        this.start = s.clock().instant();
        // the reader is the station's own PN532 driver on the simulation's PN532 emulator
        this.view = new PublishedView(s.config().station(), "simulated", s.clock(), s.alarms(), s.antenna()::connected,
                () -> s.antenna().firmware().map(Object::toString).orElse("-"), s.config().storage().minFreeBytes(),
                s.keys().version());
        options.pace().ifPresent(p -> pacer = new Pacer(s.clock(), p));
        view.publishStore(sample());
        this.console = StationConsole.start(options.settings(), view, this, start);
        this.sync = new SyncFeed(s.platform().sync().stats(), console.events());
        this.feed = new ChipFeed(s.clock());
        feed.attach(console.events());
        onListening.accept(console.url());
    }

    @Override
    public void line(SimulatedLineRun run) {
        this.line = run;
    }

    @Override
    public void afterStep() {
        if (view == null) {
            return;
        }
        if (line != null) {
            LineController c = line.controller();
            view.publishLine(new StationSnapshot.Line(c.state(), c.fault(), c.operatorPaused(), c.stackLight()));
            estop();
        } else if (view.line().state() != LineState.RUNNING) {
            // hand-fed: chips are placed one by one, no conveyor and no stack light
            view.publishLine(new StationSnapshot.Line(LineState.RUNNING, Optional.empty(), false, StackLight.OFF));
        }
        long now = System.nanoTime();
        if (now - lastSample >= SAMPLE_EVERY_NANOS) {
            lastSample = now;
            view.publishStore(sample());
            sync.poll(station.clock().instant());
        }
        for (FutureTask<ControlResult> t; (t = commands.poll()) != null; ) {
            t.run();
        }
        if (pacer != null) {
            pacer.step();
        }
    }

    private void estop() {
        if (options.estopAt().isEmpty() || estopReleased) {
            return;
        }
        Duration into = Duration.between(start, station.clock().instant());
        // The simulation encodes a chip in one step and reports it after the encode time, so a stop in that
        // window would reject a chip already configured: the press waits for a moment with no chip at the antenna.
        if (!estopPressed && into.compareTo(options.estopAt().get()) >= 0
                && line.controller().state() != LineState.ENCODING) {
            estopPressed = true;
            line.line().pressEstop(true);
            log.warn("event=simulated_estop pressed=true virtual_s={}", into.toSeconds());
        } else if (estopPressed && into.compareTo(options.estopAt().get().plus(options.estopFor())) >= 0) {
            estopReleased = true;
            line.line().pressEstop(false);
            log.warn("event=simulated_estop pressed=false virtual_s={} waiting_for=reset", into.toSeconds());
        }
    }

    @Override
    public void chip(EncodeOutcome outcome) {
        if (feed != null) {
            feed.accept(outcome);
        }
    }

    @Override
    public void ended() {
        if (view == null) {
            return;
        }
        view.publishStore(sample());
        sync.poll(station.clock().instant());
        view.publishLine(new StationSnapshot.Line(LineState.STOPPED, Optional.empty(), false, StackLight.OFF));
        ended = true;
        for (FutureTask<ControlResult> t; (t = commands.poll()) != null; ) {
            t.run(); // queued before the end: answered, not left waiting
        }
        view.storeClosed();
    }

    private StoreSample sample() {
        return StoreSample.read(station.store(), dbFile, protocols, station.clock().instant());
    }

    /** The console's URL, once the simulation opened the station. */
    public Optional<String> url() {
        return Optional.ofNullable(console).map(StationConsole::url);
    }

    @Override
    public ControlResult reset() {
        return onSimulationThread(() -> line == null ? ControlResult.unsupported("a hand-fed simulation has no line")
                : line.controller().reset() ? ControlResult.done("line restarted")
                : ControlResult.refused("reset refused: the e-stop is still active, or nothing needs a reset"));
    }

    @Override
    public ControlResult pause() {
        return onSimulationThread(() -> line == null ? ControlResult.unsupported("a hand-fed simulation has no line")
                : line.controller().pause() ? ControlResult.done("line paused")
                : ControlResult.refused("pause refused: the line is not running"));
    }

    @Override
    public ControlResult resume() {
        return onSimulationThread(() -> line == null ? ControlResult.unsupported("a hand-fed simulation has no line")
                : line.controller().resume() ? ControlResult.done("line resumed")
                : ControlResult.refused("the line was not paused"));
    }

    @Override
    public ControlResult acknowledgeAlarm(String code) {
        return onSimulationThread(() -> StationCommands.acknowledge(station.alarms(), code));
    }

    @Override
    public ControlResult requeueQuarantined(List<Long> outboxIds, String reason) {
        return onSimulationThread(() -> StationCommands.requeue(station.store(), outboxIds, reason));
    }

    @Override
    public ControlResult reloadCredentials() {
        return ControlResult.unsupported("a simulation's platform key never changes; there is no token file to read");
    }

    private ControlResult onSimulationThread(Callable<ControlResult> command) {
        if (ended) {
            return ControlResult.refused("the simulation has ended");
        }
        FutureTask<ControlResult> task = new FutureTask<>(command);
        commands.add(task);
        try {
            return task.get(COMMAND_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            commands.remove(task);
            return ControlResult.refused("the simulation did not take the command within " + COMMAND_WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ControlResult.refused("interrupted");
        } catch (ExecutionException e) {
            return ControlResult.refused(String.valueOf(e.getCause().getMessage()));
        }
    }

    @Override
    public synchronized void close() {
        ended = true;
        if (console != null) {
            console.close();
            console = null;
        }
    }
}
