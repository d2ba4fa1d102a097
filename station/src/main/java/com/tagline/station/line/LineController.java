package com.tagline.station.line;

import com.tagline.hardware.line.LineIo;
import com.tagline.hardware.line.LineSignals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conveyor in index mode: run until an item breaks the encoder eye, stop, encode, run again;
 * track each item to the reject gate and pulse the gate for every item that did not pass.
 *
 * <p>A single-threaded state machine: {@link #input}, {@link #tick}, {@link #encoded},
 * {@link #reset}, {@link #start} and {@link #stop} must all be called on one thread (architecture
 * §3), and it alone writes the outputs. Time comes from the injected clock, so a simulator drives
 * it in virtual time; in production a ticker calls {@link #tick} every few milliseconds.
 *
 * <p>An active e-stop is acted on at its first raw edge (motor off, encoding aborted, red); its
 * release is debounced and then still needs {@link #reset}.
 */
public final class LineController {
    private static final Logger log = LoggerFactory.getLogger(LineController.class);

    private enum Mode { STOPPED, RUNNING, ENCODING, FAULT, ESTOP, AWAIT_RESET }

    private final Clock clock;
    private final LineIo io;
    private final LineSignals signals;
    private final LineTiming timing;
    private final ItemEncoder encoder;
    private final ItemTracker tracker = new ItemTracker();
    private final Map<String, DebouncedInput> inputs = new LinkedHashMap<>();
    private final Map<String, Boolean> written = new HashMap<>();
    private Mode mode = Mode.STOPPED;
    private String fault;
    private Instant lastTick;
    private Duration starved = Duration.ZERO;
    private Instant gateOffAt;
    private int gatePulses;
    private boolean attention;
    private boolean held;

    public LineController(Clock clock, LineIo io, LineSignals signals, LineTiming timing, ItemEncoder encoder) {
        this.clock = clock;
        this.io = io;
        this.signals = signals;
        this.timing = timing;
        this.encoder = encoder;
        this.lastTick = clock.instant();
        watch(signals.estop());
        watch(signals.encoderEye());
        watch(signals.rejectEye());
        signals.outfeedFullSignal().ifPresent(this::watch);
        signals.infeedReadySignal().ifPresent(this::watch);
        io.safeOutputs();
    }

    private void watch(String signal) {
        inputs.put(signal, new DebouncedInput(timing.debounce(), io.isActive(signal), clock.instant()));
    }

    /** Starts the line; with the e-stop active it waits for release and reset. */
    public void start() {
        if (mode == Mode.STOPPED) {
            if (stable(signals.estop())) {
                mode = Mode.ESTOP;
            } else {
                runAgain();
            }
            applyOutputs();
        }
    }

    /**
     * Starts the line held until the operator's reset: after a restart the belt may carry items between the
     * antenna and the gate with no verdict the station can trust (architecture §5), and the operator clears them
     * by hand first. Without this, such items run on and the gate rejects every one ({@link ItemTracker}: an
     * untracked item counts as failed).
     */
    public void startAfterClearing(String why) {
        if (mode == Mode.STOPPED) {
            mode = Mode.AWAIT_RESET;
            fault = why;
            applyOutputs();
            log.warn("event=line_waits_for_clear_belt why=\"{}\"", why);
        }
    }

    /** Stops the line in an orderly way; an encoding in progress is aborted as interrupted. */
    public void stop() {
        abortEncoding();
        mode = Mode.STOPPED;
        gateOffAt = null;
        applyOutputs();
    }

    /** A raw input change, as reported by {@link LineIo}'s listener. Unknown signals are ignored. */
    public void input(String signal, boolean active) {
        DebouncedInput in = inputs.get(signal);
        if (in == null) {
            return;
        }
        Instant now = clock.instant();
        in.offer(active, now);
        if (signal.equals(signals.estop()) && active && mode != Mode.ESTOP) {
            // Safety first: a stop acts on the first raw edge, without waiting for the debounce. It then
            // counts as the stable level, so a press shorter than the window still has a release.
            in.actedOn(true);
            onEstop();
        }
        settleAll(now);
        applyOutputs();
    }

    /** Advances timers: debounce, gate pulse, jam and starvation (motor-running time). */
    public void tick() {
        Instant now = clock.instant();
        Duration elapsed = Duration.between(lastTick, now);
        lastTick = now;
        boolean motorWasOn = written.getOrDefault(signals.conveyor(), false);
        settleAll(now);
        if (gateOffAt != null && !now.isBefore(gateOffAt)) {
            gateOffAt = null;
        }
        if (motorWasOn && mode == Mode.RUNNING) {
            runTimers(elapsed);
        }
        applyOutputs();
    }

    /** Something outside the line wants the operator (platform offline and buffering, an alarm): amber. */
    public void attention(boolean on) {
        attention = on;
        applyOutputs();
    }

    /**
     * The operator's pause: the belt stops and stays stopped until {@link #resume()}. A chip being
     * encoded is finished, never aborted (a pause is not an emergency; an e-stop is), and its item
     * waits at the antenna. The jam and starvation timers do not run while the belt is held. Refused
     * (false) unless the line is running or encoding.
     */
    public boolean pause() {
        if (mode != Mode.RUNNING && mode != Mode.ENCODING) {
            return false;
        }
        if (!held) {
            held = true;
            log.info("event=line_paused by=operator");
        }
        applyOutputs();
        return true;
    }

    /**
     * Ends the operator's pause; the belt runs again when the line is running. A line that went to
     * e-stop or fault while held needs its {@link #reset()} too. False when it was not paused.
     */
    public boolean resume() {
        if (!held) {
            return false;
        }
        held = false;
        log.info("event=line_resumed by=operator");
        if (mode == Mode.RUNNING) {
            runAgain(); // an item already at the antenna is encoded now
        }
        applyOutputs();
        return true;
    }

    /** Whether the operator paused the line ({@link #pause()}). */
    public boolean operatorPaused() {
        return held;
    }

    /** The stack light and buzzer as this controller last wrote them (what is lit now). */
    public StackLight stackLight() {
        return new StackLight(lit(signals.green()), lit(signals.amber()), lit(signals.red()), lit(signals.buzzer()));
    }

    private boolean lit(String signal) {
        return written.getOrDefault(signal, false);
    }

    /** The encoder's result for {@code itemId}; stale or post-abort results are ignored. */
    public void encoded(long itemId, boolean passed) {
        if (mode == Mode.ENCODING && tracker.verdict(itemId, passed ? ItemVerdict.PASSED : ItemVerdict.FAILED)) {
            mode = Mode.RUNNING;
            if (!stable(signals.encoderEye())) {
                // The eye cleared while encoding (item lifted or pushed on): it is already on its way.
                tracker.leaveEncoder();
            }
            applyOutputs();
        } else {
            log.debug("event=late_encode_result item={} passed={}", itemId, passed);
        }
    }

    /**
     * The operator's reset: clears a jam (forgetting tracked items, which the operator removes) or
     * confirms a released e-stop. Refused while the e-stop is active.
     *
     * @return whether the line restarted
     */
    public boolean reset() {
        DebouncedInput estop = inputs.get(signals.estop());
        if (estop.raw() || estop.stable() || (mode != Mode.FAULT && mode != Mode.AWAIT_RESET)) {
            return false;
        }
        if (mode == Mode.FAULT || fault != null) {
            tracker.clear();
            fault = null;
        }
        runAgain();
        applyOutputs();
        return true;
    }

    public LineState state() {
        return switch (mode) {
            case STOPPED -> LineState.STOPPED;
            case ENCODING -> LineState.ENCODING;
            case FAULT -> LineState.FAULT;
            case ESTOP -> LineState.ESTOP;
            case AWAIT_RESET -> LineState.AWAIT_RESET;
            case RUNNING -> held || outfeedFull() ? LineState.PAUSED : idle() ? LineState.IDLE : LineState.RUNNING;
        };
    }

    /** The jam message, naming the sensor, while in {@link LineState#FAULT}; why the line waits in AWAIT_RESET. */
    public Optional<String> fault() {
        return Optional.ofNullable(fault);
    }

    /** Every verdict so far, by item id in encoder order (ids start at 1). */
    public Map<Long, ItemVerdict> verdicts() {
        return tracker.verdicts();
    }

    public int gatePulses() {
        return gatePulses;
    }

    public int itemsInTransit() {
        return tracker.inTransit();
    }

    /** Items that reached the reject eye without being tracked; they were rejected. */
    public int untrackedItems() {
        return tracker.untracked();
    }

    private void settleAll(Instant now) {
        inputs.forEach((signal, in) -> {
            if (in.settle(now)) {
                onEdge(signal, in.stable());
            }
        });
    }

    private void onEdge(String signal, boolean active) {
        if (signal.equals(signals.estop())) {
            if (active && mode != Mode.ESTOP) {
                onEstop();
            } else if (!active && mode == Mode.ESTOP) {
                mode = Mode.AWAIT_RESET;
            }
        } else if (signal.equals(signals.encoderEye())) {
            if (active) {
                onArrival();
            } else {
                tracker.leaveEncoder();
            }
        } else if (signal.equals(signals.rejectEye())) {
            if (active) {
                onRejectArrival();
            } else {
                tracker.leaveReject();
            }
        }
    }

    private void onArrival() {
        if (mode != Mode.RUNNING || held || tracker.atEncoder()) {
            return;
        }
        ItemTracker.Item item = tracker.arriveAtEncoder();
        starved = Duration.ZERO;
        mode = Mode.ENCODING;
        applyOutputs();
        // Last: a bench or test encoder may report synchronously from inside encode().
        encoder.encode(item.id, this::encoded);
    }

    private void onRejectArrival() {
        ItemTracker.Item item = tracker.arriveAtReject(timing);
        if (item.verdict != ItemVerdict.PASSED && mode != Mode.ESTOP) {
            gateOffAt = clock.instant().plus(timing.gatePulse());
            gatePulses++;
            write(signals.rejectGate(), true);
            if (item.id >= 0) {
                encoder.rejected(item.id);
            }
        }
    }

    private void onEstop() {
        mode = Mode.ESTOP;
        gateOffAt = null;
        applyOutputs();
        abortEncoding();
        log.warn("event=estop");
    }

    private void abortEncoding() {
        tracker.interrupt().ifPresent(id -> {
            encoder.abort(id);
            log.info("event=encoding_interrupted item={}", id);
        });
    }

    private void runTimers(Duration elapsed) {
        Optional<ItemTracker.Jam> jam = tracker.advance(elapsed, timing);
        if (jam.isPresent()) {
            String sensor = jam.get() == ItemTracker.Jam.ENCODER_EYE ? signals.encoderEye() : signals.rejectEye();
            mode = Mode.FAULT;
            fault = "jam at " + sensor + ": item overdue";
            gateOffAt = null;
            log.error("event=line_fault fault=\"{}\"", fault);
            return;
        }
        if (!tracker.atEncoder()) {
            starved = starved.plus(elapsed);
        }
    }

    private void runAgain() {
        mode = Mode.RUNNING;
        starved = Duration.ZERO;
        if (stable(signals.encoderEye()) && !tracker.atEncoder()) {
            onArrival();
        }
    }

    private boolean idle() {
        boolean infeedNotReady = signals.infeedReadySignal().map(s -> !stable(s)).orElse(false);
        return starved.compareTo(timing.idleAfter()) >= 0 || (infeedNotReady && !tracker.atEncoder()
                && tracker.inTransit() == 0);
    }

    private boolean outfeedFull() {
        return signals.outfeedFullSignal().map(this::stable).orElse(false);
    }

    private boolean stable(String signal) {
        return inputs.get(signal).stable();
    }

    private void applyOutputs() {
        LineState state = state();
        write(signals.conveyor(), mode == Mode.RUNNING && !held && !outfeedFull());
        write(signals.rejectGate(), gateOffAt != null);
        write(signals.green(), state == LineState.RUNNING || state == LineState.ENCODING);
        write(signals.amber(), attention || state == LineState.IDLE || state == LineState.PAUSED
                || state == LineState.AWAIT_RESET);
        write(signals.red(), state == LineState.FAULT || state == LineState.ESTOP);
        write(signals.buzzer(), state == LineState.FAULT);
    }

    private void write(String signal, boolean active) {
        if (!Boolean.valueOf(active).equals(written.put(signal, active))) {
            io.set(signal, active);
        }
    }
}
