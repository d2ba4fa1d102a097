package com.tagline.hardware.line;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LineIo} on pi4j 2.8.0 digital inputs and outputs.
 *
 * <p>Inputs are reported from two sources: pi4j's state-change listener and a polling watchdog
 * ({@link #pollInputs()}, or {@link #startWatchdog(Duration)} on a daemon thread). The watchdog
 * exists because the gpiod input in 2.8.0 can fail to start monitoring (pi4j #455, #478); both
 * sources go through one synchronized comparison, so a change is reported once whichever sees it
 * first.
 *
 * <p>Outputs start inactive, carry pi4j's shutdown state (inactive), and are driven inactive by
 * {@link #close()}, by a failed {@link #open} and by the optional JVM shutdown hook.
 */
public final class Pi4jLineIo implements LineIo {
    private static final Logger log = LoggerFactory.getLogger(Pi4jLineIo.class);

    private final Context pi4j;
    private final PinMap map;
    private final Map<String, DigitalInput> inputs = new LinkedHashMap<>();
    private final Map<String, DigitalOutput> outputs = new LinkedHashMap<>();
    private final Map<String, Boolean> reported = new HashMap<>();
    private final List<LineListener> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService watchdog;
    private Thread shutdownHook;
    private boolean closed;

    private Pi4jLineIo(Context pi4j, PinMap map) {
        this.pi4j = pi4j;
        this.map = map;
    }

    /**
     * Creates every pin of {@code map} on {@code pi4j} with the backend's providers.
     *
     * @throws LineIoException if a pin cannot be created or a pin ended up on another provider than
     *     the backend's (on a Pi: pi4j fell back to mocks); outputs already created are made safe
     */
    public static Pi4jLineIo open(Context pi4j, PinMap map, Pi4jBackend backend) {
        Pi4jLineIo io = new Pi4jLineIo(pi4j, map);
        try {
            map.outputs().forEach(pin -> io.createOutput(pin, backend));
            map.inputs().forEach(pin -> io.createInput(pin, backend));
            io.requireProviders(backend);
        } catch (RuntimeException e) {
            io.safeOutputs();
            if (e instanceof LineIoException lineIoException) {
                throw lineIoException;
            }
            throw new LineIoException("line I/O failed to open: " + e.getMessage(), e);
        }
        return io;
    }

    private void createOutput(PinConfig pin, Pi4jBackend backend) {
        DigitalState safe = state(pin.levelFor(false));
        outputs.put(pin.name(), pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(pin.name())
                .address(pin.bcm()).initial(safe).shutdown(safe).provider(backend.outputProvider())));
    }

    private void createInput(PinConfig pin, Pi4jBackend backend) {
        DigitalInput input = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(pin.name())
                .address(pin.bcm()).pull(pull(pin.pull())).debounce(pin.debounce().toNanos() / 1000)
                .provider(backend.inputProvider()));
        inputs.put(pin.name(), input);
        reported.put(pin.name(), logical(pin, input.state()));
        input.addListener(event -> report(pin, event.state()));
    }

    private void requireProviders(Pi4jBackend backend) {
        inputs.forEach((name, in) -> requireProvider(name, in.provider().id(), backend.inputProvider()));
        outputs.forEach((name, out) -> requireProvider(name, out.provider().id(), backend.outputProvider()));
    }

    private static void requireProvider(String signal, String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new LineIoException(signal + " runs on provider " + actual + ", expected " + expected
                    + "; refusing to run the line on the wrong GPIO provider");
        }
    }

    @Override
    public boolean isActive(String signal) {
        DigitalInput in = inputs.get(signal);
        if (in != null) {
            return logical(map.pin(signal), in.state());
        }
        return logical(map.pin(signal), output(signal).state());
    }

    @Override
    public void set(String signal, boolean active) {
        DigitalOutput out = output(signal);
        try {
            out.state(state(map.pin(signal).levelFor(active)));
        } catch (RuntimeException e) {
            throw new LineIoException("cannot drive " + signal + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void addListener(LineListener listener) {
        listeners.add(listener);
    }

    /** Reads every input once and reports levels the listener path missed. */
    public void pollInputs() {
        inputs.forEach((name, in) -> report(map.pin(name), in.state()));
    }

    /** Polls inputs every {@code period} on a daemon thread until {@link #close()}. */
    public synchronized void startWatchdog(Duration period) {
        if (watchdog != null) {
            return;
        }
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "line-io-watchdog");
            t.setDaemon(true);
            return t;
        });
        long micros = period.toNanos() / 1000;
        watchdog.scheduleAtFixedRate(this::pollQuietly, micros, micros, TimeUnit.MICROSECONDS);
    }

    /** Drives outputs safe when the JVM exits without {@link #close()} (pi4j's hook is off). */
    public synchronized void installShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::safeOutputs, "line-io-safe-outputs");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    @Override
    public void safeOutputs() {
        outputs.forEach((name, out) -> {
            try {
                out.state(state(map.pin(name).levelFor(false)));
            } catch (RuntimeException e) {
                // Keep going: the other outputs must still reach their safe state.
                log.error("event=safe_output_failed signal={} error={}", name, e.toString());
            }
        });
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        safeOutputs();
        if (shutdownHook != null && !Thread.currentThread().equals(shutdownHook)) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyExiting) {
                // The JVM is exiting; the hook runs anyway.
            }
        }
    }

    private void pollQuietly() {
        try {
            pollInputs();
        } catch (RuntimeException e) {
            log.warn("event=line_poll_failed error={}", e.toString());
        }
    }

    private synchronized void report(PinConfig pin, DigitalState level) {
        boolean active = logical(pin, level);
        Boolean before = reported.put(pin.name(), active);
        if (before == null || before != active) {
            listeners.forEach(l -> l.changed(pin.name(), active));
        }
    }

    private DigitalOutput output(String signal) {
        DigitalOutput out = outputs.get(signal);
        if (out == null) {
            throw new IllegalArgumentException("no output named " + signal);
        }
        return out;
    }

    private static boolean logical(PinConfig pin, DigitalState level) {
        return (level == DigitalState.HIGH) == pin.activeHigh();
    }

    static DigitalState state(boolean high) {
        return high ? DigitalState.HIGH : DigitalState.LOW;
    }

    private static PullResistance pull(Pull pull) {
        return switch (pull) {
            case NONE -> PullResistance.OFF;
            case UP -> PullResistance.PULL_UP;
            case DOWN -> PullResistance.PULL_DOWN;
        };
    }
}
