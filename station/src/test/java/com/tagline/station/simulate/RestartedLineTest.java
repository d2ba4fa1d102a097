package com.tagline.station.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.line.LineSignals;
import com.tagline.simulator.line.ConveyorLayout;
import com.tagline.simulator.line.GateRecord;
import com.tagline.simulator.line.SimulatedLine;
import com.tagline.station.line.ItemEncoder;
import com.tagline.station.line.LineController;
import com.tagline.station.line.LineState;
import com.tagline.station.line.LineTiming;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, the items on the belt after a restart: the station dies (power cut, kill) with items between the
 * antenna and the reject gate, each of which the dead process had judged good. A restarted line has no
 * verdict for them that it can trust: it rejects them all at the gate (line.after_restart: reject, the
 * default), or waits with the belt stopped until the operator has cleared it and reset (wait_for_clear).
 * Every chip here encodes fine, so every rejection is the restart's.
 */
class RestartedLineTest {
    private static final LineSignals SIGNALS = LineSignals.standard();
    private final SimulatedLine line = new SimulatedLine(ConveyorLayout.standard(), SimulatedLine.standardPinMap(SIGNALS),
            SIGNALS, Instant.parse("2026-01-01T08:00:00Z"));
    private boolean firstProcessAlive = true;
    private int encodedByFirst;

    @AfterEach
    void close() {
        line.close();
    }

    /** The encoder passes every chip at once. */
    private static ItemEncoder passAll(Runnable onEncoded) {
        return new ItemEncoder() {
            @Override
            public void encode(long itemId, EncodeResult result) {
                onEncoded.run();
                result.finished(itemId, true);
            }

            @Override
            public void abort(long itemId) {
            }
        };
    }

    private void run(LineController c, BooleanSupplier until, int maxSteps) {
        for (int i = 0; i < maxSteps && !until.getAsBoolean(); i++) {
            line.step();
            c.tick();
            line.observe();
        }
    }

    /** The first process encodes items until two it judged good have not reached the gate yet, then dies. */
    private void firstProcessDiesWithItemsBetweenAntennaAndGate(int items) {
        LineController first = new LineController(line.clock(), line.lineIo(), SIGNALS, LineTiming.standard(),
                passAll(() -> encodedByFirst++));
        line.lineIo().addListener((signal, active) -> {
            if (firstProcessAlive) {
                first.input(signal, active);
            }
        });
        line.load(Collections.nCopies(items, false));
        first.start();
        run(first, () -> encodedByFirst - line.gateRecords().size() >= 2
                && !line.outputActive(SIGNALS.rejectGate()), 200_000);
        assertTrue(encodedByFirst - line.gateRecords().size() >= 2, "items judged good have not reached the gate");
        firstProcessAlive = false;
        line.lineIo().safeOutputs(); // the power cut stops the belt
    }

    @Test
    void aRestartedLineRejectsEveryItemItDidNotEncodeItselfAndPassesTheOnesItDid() {
        firstProcessDiesWithItemsBetweenAntennaAndGate(8);
        int leftBefore = line.gateRecords().size();
        java.util.Set<Long> encodedBySecond = new java.util.HashSet<>();
        LineController second = new LineController(line.clock(), line.lineIo(), SIGNALS, LineTiming.standard(),
                passAll(() -> encodedBySecond.add(line.itemAtEncoder().orElseThrow().id())));
        line.lineIo().addListener(second::input);
        second.start();
        run(second, () -> line.gateRecords().size() >= 8, 400_000);

        List<GateRecord> afterRestart = line.gateRecords().subList(leftBefore, line.gateRecords().size());
        assertEquals(8 - leftBefore, afterRestart.size(), "every item left the line");
        for (GateRecord g : afterRestart) {
            assertEquals(!encodedBySecond.contains(g.itemId()), g.rejected(), "item " + g.itemId() + ": only what the"
                    + " restarted station encoded itself passes; encoded after the restart " + encodedBySecond
                    + ", gate " + afterRestart);
        }
        assertTrue(afterRestart.stream().anyMatch(GateRecord::rejected),
                "an item the dead process judged good was on its way to the gate, and was rejected: " + afterRestart);
    }

    @Test
    void withWaitForClearTheBeltStaysStoppedUntilTheOperatorResets() {
        firstProcessDiesWithItemsBetweenAntennaAndGate(6);
        LineController second = new LineController(line.clock(), line.lineIo(), SIGNALS, LineTiming.standard(),
                passAll(() -> { }));
        line.lineIo().addListener(second::input);
        second.startAfterClearing("clear the belt, then reset");
        run(second, () -> false, 20_000);
        assertEquals(LineState.AWAIT_RESET, second.state());
        assertEquals("clear the belt, then reset", second.fault().orElseThrow());
        assertFalse(line.outputActive(SIGNALS.conveyor()), "the belt does not move");
        assertTrue(second.reset(), "the operator's reset after clearing");
        run(second, () -> line.outputActive(SIGNALS.conveyor()), 1_000);
        assertTrue(line.outputActive(SIGNALS.conveyor()), "the belt runs again");
    }
}
