package com.tagline.simulator.line;

import com.tagline.hardware.line.LineIo;
import com.tagline.hardware.line.LineSignals;
import com.tagline.hardware.line.MockPins;
import com.tagline.hardware.line.PinConfig;
import com.tagline.hardware.line.PinMap;
import com.tagline.hardware.line.Pull;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conveyor line behind the real {@code Pi4jLineIo} on pi4j's mock providers: the belt moves
 * while the motor output is active, items break the photo-eyes, the gate output pushes items off,
 * and the e-stop, infeed and outfeed inputs follow the knobs.
 *
 * <p>Drive it in virtual time: {@link #step()} advances the clock one step and updates the input
 * pins (listeners run on the caller's thread), then the controller runs, then {@link #observe()}
 * applies what the outputs did. Single-threaded.
 */
public final class SimulatedLine implements AutoCloseable {
    private final ConveyorLayout layout;
    private final LineSignals signals;
    private final PinMap map;
    private final SimulatedClock clock;
    private final MockPins pins;
    private final Conveyor conveyor;
    private final Map<String, Boolean> driven = new HashMap<>();
    private final Map<String, Integer> bounceArmed = new HashMap<>();
    private final Map<String, Integer> chatterLeft = new HashMap<>();
    private final Map<String, Boolean> trueLevel = new HashMap<>();
    private boolean gateWas;
    private boolean estopPressed;
    private boolean estopWireBroken;
    private boolean outfeedFull;
    private boolean infeedStarved;

    public SimulatedLine(ConveyorLayout layout, PinMap map, LineSignals signals, Instant start) {
        this.layout = layout;
        this.signals = signals;
        this.map = map;
        this.clock = new SimulatedClock(start);
        this.conveyor = new Conveyor(layout);
        this.pins = MockPins.open(map);
        refreshInputs();
    }

    /** The pin map the simulator and the example configuration share, for {@code signals}. */
    public static PinMap standardPinMap(LineSignals s) {
        Duration eye = Duration.ofMillis(2);
        Duration slow = Duration.ofMillis(5);
        List<PinConfig> pins = new ArrayList<>(List.of(
                PinConfig.output(s.conveyor(), 22, true), PinConfig.output(s.rejectGate(), 23, true),
                PinConfig.output(s.green(), 5, true), PinConfig.output(s.amber(), 6, true),
                PinConfig.output(s.red(), 13, true), PinConfig.output(s.buzzer(), 19, true),
                PinConfig.input(s.encoderEye(), 17, false, Pull.UP, eye),
                PinConfig.input(s.rejectEye(), 27, false, Pull.UP, eye),
                PinConfig.input(s.estop(), 4, true, Pull.UP, slow)));
        s.infeedReadySignal().ifPresent(n -> pins.add(PinConfig.input(n, 24, true, Pull.DOWN, slow)));
        s.outfeedFullSignal().ifPresent(n -> pins.add(PinConfig.input(n, 25, true, Pull.DOWN, slow)));
        return new PinMap(pins);
    }

    public SimulatedClock clock() {
        return clock;
    }

    public LineIo lineIo() {
        return pins.lineIo();
    }

    /** Queues items at the infeed; {@code true} marks an item whose chip is defective. */
    public void load(List<Boolean> defective) {
        conveyor.load(defective);
        refreshInputs();
    }

    public void step() {
        clock.advance(layout.step());
        if (pins.lineIo().isActive(signals.conveyor())) {
            conveyor.run(!infeedStarved);
        }
        refreshInputs();
        pins.lineIo().pollInputs();
    }

    /** Applies output changes made since the last call: a rising gate output pushes an item off. */
    public void observe() {
        boolean gate = pins.lineIo().isActive(signals.rejectGate());
        if (gate && !gateWas) {
            conveyor.fireGate();
        }
        gateWas = gate;
    }

    /** The item whose chip is at the antenna (covering the encoder eye), if any. */
    public Optional<ConveyorItem> itemAtEncoder() {
        return conveyor.itemAt(layout.encoderEyeMm());
    }

    public List<GateRecord> gateRecords() {
        return conveyor.records();
    }

    /** Gate pulses that found no item under the reject eye. */
    public int strayGateFires() {
        return conveyor.strayGateFires();
    }

    public int itemsOnBelt() {
        return conveyor.onBelt();
    }

    public boolean infeedEmpty() {
        return conveyor.infeedEmpty();
    }

    public boolean outputActive(String signal) {
        return pins.lineIo().isActive(signal);
    }

    /** The item stops at {@code atMm} and holds back the items behind it. */
    public void jam(long itemId, double atMm) {
        conveyor.jam(itemId, atMm);
    }

    public void clearJam() {
        conveyor.clearJam();
    }

    /** The next change of {@code signal} chatters {@code toggles} extra times, one per step. */
    public void bounceNext(String signal, int toggles) {
        bounceArmed.put(signal, toggles);
    }

    public void pressEstop(boolean pressed) {
        estopPressed = pressed;
        refreshInputs();
    }

    /** A broken e-stop wire opens the normally-closed circuit: the input reads its pulled level. */
    public void breakEstopWire(boolean broken) {
        estopWireBroken = broken;
        refreshInputs();
    }

    public void fillOutfeed(boolean full) {
        outfeedFull = full;
        refreshInputs();
    }

    /** Stops feeding new items although some are queued (starvation). */
    public void starveInfeed(boolean starved) {
        infeedStarved = starved;
        refreshInputs();
    }

    private void refreshInputs() {
        driveEye(signals.encoderEye(), layout.encoderEyeMm());
        driveEye(signals.rejectEye(), layout.rejectEyeMm());
        PinConfig estop = map.pin(signals.estop());
        boolean open = estopPressed || estopWireBroken;
        boolean pulledHigh = estop.pull() == Pull.UP;
        drive(estop.name(), open == pulledHigh);
        signals.outfeedFullSignal().flatMap(map::find)
                .ifPresent(p -> drive(p.name(), p.levelFor(outfeedFull)));
        signals.infeedReadySignal().flatMap(map::find).ifPresent(p -> drive(p.name(),
                p.levelFor(!infeedStarved && !conveyor.infeedEmpty())));
    }

    private void driveEye(String signal, double at) {
        PinConfig pin = map.pin(signal);
        boolean level = pin.levelFor(conveyor.itemAt(at).isPresent());
        Boolean last = trueLevel.put(signal, level);
        int chatter = chatterLeft.getOrDefault(signal, 0);
        if (last != null && last != level && chatter == 0 && bounceArmed.containsKey(signal)) {
            chatter = bounceArmed.remove(signal);
        }
        if (chatter > 0) {
            // Contact chatter: alternate around the true level, ending on it.
            chatterLeft.put(signal, chatter - 1);
            drive(signal, chatter % 2 == 0 ? level : !level);
            return;
        }
        drive(signal, level);
    }

    private void drive(String signal, boolean high) {
        if (!Boolean.valueOf(high).equals(driven.put(signal, high))) {
            pins.drive(signal, high);
        }
    }

    @Override
    public void close() {
        pins.close();
    }
}
