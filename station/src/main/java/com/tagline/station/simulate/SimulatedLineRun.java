package com.tagline.station.simulate;

import com.tagline.hardware.line.LineSignals;
import com.tagline.simulator.line.ConveyorItem;
import com.tagline.simulator.line.ConveyorLayout;
import com.tagline.simulator.line.GateRecord;
import com.tagline.simulator.line.SimulatedLine;
import com.tagline.station.line.ItemEncoder;
import com.tagline.station.line.LineController;
import com.tagline.station.line.LineTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The real {@link LineController} on the simulated line (pi4j mock pins behind the real
 * {@code Pi4jLineIo}), all in virtual time on the caller's thread. The encoder is a callback that
 * decides pass or fail for the item at the antenna and takes {@code encodeTime} of virtual time.
 *
 * <p>For {@code station simulate}: {@link #runItems} feeds N items and returns the gate record.
 */
public final class SimulatedLineRun implements AutoCloseable {
    /** What the simulated encoder recorded for each attempt. */
    public enum Attempt { CONFIGURED, FAILED, INTERRUPTED }

    private final SimulatedLine line;
    private final LineController controller;
    /** The verdict of the chip at the antenna; empty while no tag is on hand for it (the item waits). */
    private final Function<ConveyorItem, Optional<Boolean>> encodeCallback;
    private Duration encodeTime;
    private final Map<Long, Attempt> attempts = new LinkedHashMap<>();
    private final List<Long> encodedWhileBeltRan = new ArrayList<>();
    private final LineSignals signals;
    private Pending pending;
    private Runnable afterStep = () -> { };
    private java.util.function.LongConsumer onRejected = id -> { };

    /** How often an item without a tag asks again (as the station's line runtime does). */
    private static final Duration NO_JOB_RETRY = Duration.ofSeconds(1);

    /** An item at the encoder: its verdict when due, or, with {@code passed} null, a retry when due. */
    private record Pending(long itemId, Boolean passed, Instant due, ItemEncoder.EncodeResult result) {
    }

    /**
     * @param encodeCallback decides whether the chip of the item at the antenna encodes; it is
     *     called when the item stops at the encoder
     */
    public SimulatedLineRun(ConveyorLayout layout, LineSignals signals, LineTiming timing, Duration encodeTime,
                            Predicate<ConveyorItem> encodeCallback) {
        this(layout, signals, timing, encodeTime, encodeCallback, Instant.parse("2026-01-01T08:00:00Z"));
    }

    /** As above, with virtual time starting at {@code start}. */
    public SimulatedLineRun(ConveyorLayout layout, LineSignals signals, LineTiming timing, Duration encodeTime,
                            Predicate<ConveyorItem> encodeCallback, Instant start) {
        this(layout, signals, timing, encodeTime, start, item -> Optional.of(encodeCallback.test(item)));
    }

    /**
     * As above, with an encoder that may have no tag for the item yet ({@code Optional.empty()}): the item then
     * waits at the antenna with the belt stopped and is tried again every second of virtual time, as on a line.
     */
    public SimulatedLineRun(ConveyorLayout layout, LineSignals signals, LineTiming timing, Duration encodeTime,
                            Instant start, Function<ConveyorItem, Optional<Boolean>> encodeCallback) {
        this.signals = signals;
        this.encodeTime = encodeTime;
        this.encodeCallback = encodeCallback;
        this.line = new SimulatedLine(layout, SimulatedLine.standardPinMap(signals), signals, start);
        this.controller = new LineController(line.clock(), line.lineIo(), signals, timing, new Encoder());
        line.lineIo().addListener(controller::input);
    }

    /** Standard layout, signals and timing; 150 ms per chip; defective chips fail. */
    public static SimulatedLineRun standard() {
        return new SimulatedLineRun(ConveyorLayout.standard(), LineSignals.standard(), LineTiming.standard(),
                Duration.ofMillis(150), item -> !item.defective());
    }

    public SimulatedLine line() {
        return line;
    }

    public LineController controller() {
        return controller;
    }

    /** One simulation step: belt and sensors, a due encoder result, controller tick, outputs. */
    public void step() {
        line.step();
        if (pending != null && !line.clock().instant().isBefore(pending.due())) {
            Pending done = pending;
            pending = null;
            if (done.passed() == null) {
                attempt(done.itemId(), done.result());
            } else {
                attempts.put(done.itemId(), done.passed() ? Attempt.CONFIGURED : Attempt.FAILED);
                done.result().finished(done.itemId(), done.passed());
            }
        }
        controller.tick();
        line.observe();
        afterStep.run();
    }

    /**
     * Runs {@code hook} after every step, in virtual time on the caller's thread: the station's
     * periodic work (sync, leasing) in a simulation.
     */
    public void afterEachStep(Runnable hook) {
        this.afterStep = java.util.Objects.requireNonNull(hook, "hook");
    }

    /**
     * The virtual time the next verdict takes from now on (the timing model's time of the chip just encoded);
     * call it from the encode callback, before it returns.
     */
    public void encodeTime(Duration value) {
        this.encodeTime = java.util.Objects.requireNonNull(value, "value");
    }

    /** Runs {@code hook} with the item id each time the reject gate pushes a tracked item off. */
    public void onRejected(java.util.function.LongConsumer hook) {
        this.onRejected = java.util.Objects.requireNonNull(hook, "hook");
    }

    /** Steps until {@code done} holds or {@code limit} of virtual time passed. */
    public boolean runUntil(BooleanSupplier done, Duration limit) {
        Instant end = line.clock().instant().plus(limit);
        while (!done.getAsBoolean()) {
            if (line.clock().instant().isAfter(end)) {
                return false;
            }
            step();
        }
        return true;
    }

    /** Loads items ({@code true} = defective chip), starts, and runs until all left the line. */
    public List<GateRecord> runItems(List<Boolean> defective, Duration limit) {
        int before = line.gateRecords().size();
        line.load(defective);
        controller.start();
        runUntil(() -> line.gateRecords().size() - before >= defective.size(), limit);
        return line.gateRecords();
    }

    /** The encoder's record per item id: configured, failed or interrupted. */
    public Map<Long, Attempt> attempts() {
        return Map.copyOf(attempts);
    }

    /** Items the encoder was handed while the motor output was on (must stay empty). */
    public List<Long> encodedWhileBeltRan() {
        return List.copyOf(encodedWhileBeltRan);
    }

    @Override
    public void close() {
        line.close();
    }

    private void attempt(long itemId, ItemEncoder.EncodeResult result) {
        Optional<Boolean> verdict = line.itemAtEncoder().map(encodeCallback).orElse(Optional.of(false));
        Instant now = line.clock().instant();
        pending = verdict.isPresent() ? new Pending(itemId, verdict.get(), now.plus(encodeTime), result)
                : new Pending(itemId, null, now.plus(NO_JOB_RETRY), result);
    }

    private final class Encoder implements ItemEncoder {
        @Override
        public void encode(long itemId, EncodeResult result) {
            if (line.outputActive(signals.conveyor())) {
                encodedWhileBeltRan.add(itemId);
            }
            attempt(itemId, result);
        }

        @Override
        public void rejected(long itemId) {
            onRejected.accept(itemId);
        }

        @Override
        public void abort(long itemId) {
            if (pending != null && pending.itemId() == itemId) {
                pending = null;
            }
            attempts.put(itemId, Attempt.INTERRUPTED);
        }
    }
}
