package com.tagline.station.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.line.LineSignals;
import com.tagline.simulator.line.ConveyorLayout;
import com.tagline.simulator.line.GateRecord;
import com.tagline.station.line.ItemVerdict;
import com.tagline.station.line.LineState;
import com.tagline.station.line.LineTiming;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SimulatedLineTest {
    private static final LineSignals SIGNALS = LineSignals.standard();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private SimulatedLineRun run;

    @AfterEach
    void close() {
        if (run != null) {
            run.close();
        }
    }

    private static Set<Long> rejected(List<GateRecord> records) {
        return records.stream().filter(GateRecord::rejected).map(GateRecord::itemId).collect(Collectors.toSet());
    }

    private static Set<Long> defective(List<GateRecord> records) {
        return records.stream().filter(GateRecord::defective).map(GateRecord::itemId).collect(Collectors.toSet());
    }

    @Test
    void indexCyclesStopTheBeltForEveryChip() {
        run = SimulatedLineRun.standard();
        List<GateRecord> records = run.runItems(List.of(false, false, false), LIMIT);

        assertEquals(3, records.size());
        assertTrue(rejected(records).isEmpty());
        assertTrue(run.encodedWhileBeltRan().isEmpty());
        assertEquals(List.of(ItemVerdict.PASSED, ItemVerdict.PASSED, ItemVerdict.PASSED),
                List.copyOf(run.controller().verdicts().values()));
        assertEquals(0, run.controller().gatePulses());
    }

    @Test
    void rejectsExactlyTheFailedItemsWithSeveralItemsBetweenEncoderAndGate() {
        run = SimulatedLineRun.standard();
        List<Boolean> defective = List.of(false, true, true, false, false, false, true, false, false, false,
                true, false);
        run.line().load(defective);
        run.controller().start();
        int maxInTransit = 0;
        for (int i = 0; i < 60_000 && run.line().gateRecords().size() < defective.size(); i++) {
            run.step();
            maxInTransit = Math.max(maxInTransit, run.controller().itemsInTransit());
        }
        List<GateRecord> records = run.line().gateRecords();

        assertTrue(maxInTransit >= 3, "items between encoder and gate: " + maxInTransit);
        assertEquals(Set.of(2L, 3L, 7L, 11L), rejected(records));
        assertEquals(defective(records), rejected(records));
        assertEquals(4, run.controller().gatePulses());
        assertEquals(0, run.line().strayGateFires());
    }

    @Test
    void aTapOfTheEstopShorterThanTheDebounceStillStopsAndCanBeReset() {
        run = new SimulatedLineRun(ConveyorLayout.standard(), SIGNALS, LineTiming.standard(),
                Duration.ofMillis(500), item -> true);
        run.line().load(List.of(false));
        run.controller().start();
        assertTrue(run.runUntil(() -> run.controller().state() == LineState.ENCODING, LIMIT));

        run.line().pressEstop(true); // acted on at the raw edge
        assertEquals(LineState.ESTOP, run.controller().state());
        run.line().pressEstop(false); // released before the 5 ms debounce window ran out
        run.runUntil(() -> false, Duration.ofMillis(50));
        assertEquals(LineState.AWAIT_RESET, run.controller().state(), "the release is seen: never stuck in ESTOP");
        assertTrue(run.controller().reset());
        assertTrue(run.runUntil(() -> run.line().gateRecords().size() == 1, LIMIT));
    }

    @Test
    void estopDuringEncodingInterruptsAndNeedsReleaseAndReset() {
        run = new SimulatedLineRun(ConveyorLayout.standard(), SIGNALS, LineTiming.standard(),
                Duration.ofMillis(500), item -> true);
        run.line().load(List.of(false, false));
        run.controller().start();
        assertTrue(run.runUntil(() -> run.controller().state() == LineState.ENCODING, LIMIT));

        run.line().pressEstop(true);
        assertEquals(LineState.ESTOP, run.controller().state());
        assertFalse(run.line().outputActive(SIGNALS.conveyor()));
        assertTrue(run.line().outputActive(SIGNALS.red()));
        assertEquals(SimulatedLineRun.Attempt.INTERRUPTED, run.attempts().get(1L));
        assertEquals(ItemVerdict.INTERRUPTED, run.controller().verdicts().get(1L));

        run.runUntil(() -> false, Duration.ofSeconds(1));
        assertFalse(run.controller().reset(), "reset refused while the e-stop is pressed");
        run.line().pressEstop(false);
        run.runUntil(() -> false, Duration.ofMillis(50));
        assertEquals(LineState.AWAIT_RESET, run.controller().state());
        assertTrue(run.line().outputActive(SIGNALS.amber()));
        assertFalse(run.line().outputActive(SIGNALS.conveyor()));

        assertTrue(run.controller().reset());
        assertTrue(run.runUntil(() -> run.line().gateRecords().size() == 2, LIMIT));
        assertEquals(Set.of(1L), rejected(run.line().gateRecords()), "the interrupted chip is rejected");
        assertEquals(SimulatedLineRun.Attempt.INTERRUPTED, run.attempts().get(1L), "never configured");
        assertEquals(SimulatedLineRun.Attempt.CONFIGURED, run.attempts().get(2L));
    }

    @Test
    void itemStuckBetweenTheEyesIsAJamAtTheRejectEye() {
        run = SimulatedLineRun.standard();
        run.line().jam(2, 200);
        run.line().load(List.of(false, false, false, false));
        run.controller().start();
        assertTrue(run.runUntil(() -> run.controller().state() == LineState.FAULT, LIMIT));

        assertEquals("jam at reject-eye: item overdue", run.controller().fault().orElseThrow());
        assertFalse(run.line().outputActive(SIGNALS.conveyor()));
        assertTrue(run.line().outputActive(SIGNALS.red()));
        assertTrue(run.line().outputActive(SIGNALS.buzzer()));
    }

    @Test
    void itemStuckInTheEncoderEyeIsAJamAtTheEncoderEye() {
        run = SimulatedLineRun.standard();
        run.line().jam(1, 110);
        run.line().load(List.of(false, false));
        run.controller().start();
        assertTrue(run.runUntil(() -> run.controller().state() == LineState.FAULT, LIMIT));

        assertEquals("jam at encoder-eye: item overdue", run.controller().fault().orElseThrow());
        run.line().clearJam();
        assertTrue(run.controller().reset());
        assertNotEquals(LineState.FAULT, run.controller().state());
    }

    @Test
    void starvationIsIdleNotAFault() {
        LineSignals noInfeedHandshake = new LineSignals(SIGNALS.conveyor(), SIGNALS.encoderEye(),
                SIGNALS.rejectEye(), SIGNALS.rejectGate(), SIGNALS.green(), SIGNALS.amber(), SIGNALS.red(),
                SIGNALS.buzzer(), SIGNALS.estop(), null, SIGNALS.outfeedFull());
        run = new SimulatedLineRun(ConveyorLayout.standard(), noInfeedHandshake, LineTiming.standard(),
                Duration.ofMillis(150), item -> true);
        run.runItems(List.of(false), LIMIT);
        assertTrue(run.runUntil(() -> run.controller().state() == LineState.IDLE, Duration.ofSeconds(5)));

        assertTrue(run.line().outputActive(SIGNALS.amber()));
        assertFalse(run.line().outputActive(SIGNALS.red()));
        assertTrue(run.line().outputActive(SIGNALS.conveyor()), "keeps running for the next item");

        run.line().load(List.of(false));
        assertTrue(run.runUntil(() -> run.controller().state() == LineState.ENCODING, LIMIT));
        assertTrue(run.runUntil(() -> run.controller().state() == LineState.RUNNING, LIMIT));
        assertTrue(run.line().outputActive(SIGNALS.green()));
    }

    @Test
    void bouncingEyesCountEachItemOnce() {
        run = SimulatedLineRun.standard();
        List<Boolean> defective = List.of(false, true, false, true, false);
        run.line().bounceNext(SIGNALS.encoderEye(), 3);
        run.line().bounceNext(SIGNALS.rejectEye(), 3);
        run.line().load(defective);
        run.controller().start();
        for (int i = 0; i < 60_000 && run.line().gateRecords().size() < defective.size(); i++) {
            run.step();
            // Re-arm after every chattering edge, so each edge of every item bounces.
            run.line().bounceNext(SIGNALS.encoderEye(), 3);
            run.line().bounceNext(SIGNALS.rejectEye(), 3);
        }
        assertEquals(Set.of(2L, 4L), rejected(run.line().gateRecords()));
        assertEquals(5, run.controller().verdicts().size());
        assertEquals(0, run.line().strayGateFires());
        assertEquals(0, run.controller().untrackedItems());
    }

    @Test
    void bounceIsRealWithoutDebounce() {
        LineTiming raw = new LineTiming(Duration.ZERO, Duration.ofMillis(80), Duration.ofMillis(600),
                Duration.ofMillis(1800), Duration.ofMillis(850), Duration.ofMillis(600), Duration.ofSeconds(3));
        run = new SimulatedLineRun(ConveyorLayout.standard(), SIGNALS, raw, Duration.ofMillis(150),
                item -> !item.defective());
        run.line().load(List.of(false, false));
        run.controller().start();
        run.runUntil(() -> run.controller().state() == LineState.ENCODING, LIMIT);
        run.runUntil(() -> run.controller().state() == LineState.RUNNING, LIMIT);
        run.line().bounceNext(SIGNALS.encoderEye(), 3);
        run.runUntil(() -> run.controller().verdicts().size() >= 2 && run.line().gateRecords().size() >= 2, LIMIT);
        // Every chip is good, yet the chatter made a phantom item that the encoder failed.
        assertTrue(run.controller().verdicts().size() > 2);
        assertTrue(run.controller().verdicts().containsValue(ItemVerdict.FAILED));
    }

    @Test
    void brokenEstopWireStopsTheLine() {
        run = SimulatedLineRun.standard();
        run.line().load(List.of(false, false, false));
        run.controller().start();
        assertTrue(run.runUntil(() -> run.controller().itemsInTransit() == 1
                && run.controller().state() == LineState.RUNNING, LIMIT));

        run.line().breakEstopWire(true);
        assertEquals(LineState.ESTOP, run.controller().state());
        assertFalse(run.line().outputActive(SIGNALS.conveyor()));
        run.runUntil(() -> false, Duration.ofSeconds(1));
        assertFalse(run.controller().reset());

        run.line().breakEstopWire(false);
        run.runUntil(() -> false, Duration.ofMillis(50));
        assertTrue(run.controller().reset());
        assertTrue(run.runUntil(() -> run.line().gateRecords().size() == 3, LIMIT));
        assertTrue(rejected(run.line().gateRecords()).isEmpty());
    }

    @Test
    void fullOutfeedPausesTheLine() {
        run = SimulatedLineRun.standard();
        run.line().load(List.of(false, false, false));
        run.controller().start();
        assertTrue(run.runUntil(() -> run.controller().itemsInTransit() == 1
                && run.controller().state() == LineState.RUNNING, LIMIT));

        run.line().fillOutfeed(true);
        assertTrue(run.runUntil(() -> run.controller().state() == LineState.PAUSED, Duration.ofMillis(50)));
        assertFalse(run.line().outputActive(SIGNALS.conveyor()));
        assertTrue(run.line().outputActive(SIGNALS.amber()));
        run.runUntil(() -> false, Duration.ofSeconds(10));
        assertEquals(LineState.PAUSED, run.controller().state(), "a pause is not a jam");
        assertTrue(run.line().gateRecords().isEmpty());

        run.line().fillOutfeed(false);
        assertTrue(run.runUntil(() -> run.line().gateRecords().size() == 3, LIMIT));
        assertTrue(rejected(run.line().gateRecords()).isEmpty());
    }
}
