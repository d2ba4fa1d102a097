package com.tagline.station.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.line.LineSignals;
import com.tagline.simulator.line.ConveyorLayout;
import com.tagline.station.line.ItemVerdict;
import com.tagline.station.line.LineState;
import com.tagline.station.line.LineTiming;
import com.tagline.station.line.StackLight;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The operator's pause and resume (issue 14) on the real controller over the simulated line (here beside
 * {@link SimulatedLineRun}, which production code of the line package may not use).
 */
@Timeout(30)
class LineControllerPauseTest {
    private static final LineSignals SIGNALS = LineSignals.standard();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private SimulatedLineRun run;

    @AfterEach
    void close() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void pauseHoldsTheBeltWithoutAJamAndResumeFinishesTheBatch() {
        run = SimulatedLineRun.standard();
        run.line().load(List.of(false, false, false));
        run.controller().start();
        assertTrue(run.runUntil(() -> run.controller().itemsInTransit() == 1
                && run.controller().state() == LineState.RUNNING, LIMIT));

        assertTrue(run.controller().pause());
        assertEquals(LineState.PAUSED, run.controller().state());
        assertTrue(run.controller().operatorPaused());
        assertFalse(run.line().outputActive(SIGNALS.conveyor()));
        assertEquals(new StackLight(false, true, false, false), run.controller().stackLight());
        run.runUntil(() -> false, Duration.ofSeconds(20)); // far beyond every jam timer
        assertEquals(LineState.PAUSED, run.controller().state(), "a held belt is not a jam");
        assertTrue(run.line().gateRecords().isEmpty(), "nothing moved while paused");

        assertTrue(run.controller().resume());
        assertFalse(run.controller().operatorPaused());
        assertTrue(run.runUntil(() -> run.line().gateRecords().size() == 3, LIMIT));
        assertEquals(3, run.controller().verdicts().values().stream().filter(v -> v == ItemVerdict.PASSED).count());
    }

    @Test
    void pauseDuringEncodingFinishesTheChipAndHoldsItsItemAtTheAntenna() {
        run = new SimulatedLineRun(ConveyorLayout.standard(), SIGNALS, LineTiming.standard(),
                Duration.ofMillis(500), item -> true);
        run.line().load(List.of(false, false));
        run.controller().start();
        assertTrue(run.runUntil(() -> run.controller().state() == LineState.ENCODING, LIMIT));

        assertTrue(run.controller().pause());
        assertTrue(run.runUntil(() -> run.controller().state() == LineState.PAUSED, Duration.ofSeconds(2)));
        assertEquals(SimulatedLineRun.Attempt.CONFIGURED, run.attempts().get(1L), "finished, not interrupted");
        run.runUntil(() -> false, Duration.ofSeconds(5));
        assertFalse(run.line().outputActive(SIGNALS.conveyor()));
        assertEquals(1, run.controller().verdicts().size(), "the next item was not fetched");

        assertTrue(run.controller().resume());
        assertTrue(run.runUntil(() -> run.line().gateRecords().size() == 2, LIMIT));
    }

    @Test
    void pauseIsRefusedUnlessRunningAndResumeOnlyUndoesAPause() {
        run = SimulatedLineRun.standard();
        assertFalse(run.controller().pause(), "not started");
        assertFalse(run.controller().resume(), "not paused");
        run.line().load(List.of(false));
        run.controller().start();
        run.line().pressEstop(true);
        assertFalse(run.controller().pause(), "an e-stop is not paused over");
        assertEquals(new StackLight(false, false, true, false), run.controller().stackLight());
    }

    @Test
    void aPausedLineStaysHeldAfterAnEstopIsReset() {
        run = SimulatedLineRun.standard();
        run.line().load(List.of(false, false));
        run.controller().start();
        assertTrue(run.runUntil(() -> run.controller().itemsInTransit() == 1, LIMIT));
        assertTrue(run.controller().pause());
        run.line().pressEstop(true);
        run.runUntil(() -> false, Duration.ofMillis(50));
        run.line().pressEstop(false);
        run.runUntil(() -> false, Duration.ofMillis(50));
        assertTrue(run.controller().reset());

        assertEquals(LineState.PAUSED, run.controller().state(), "the reset does not undo the operator's pause");
        assertFalse(run.line().outputActive(SIGNALS.conveyor()));
        assertTrue(run.controller().resume());
        assertTrue(run.runUntil(() -> run.line().gateRecords().size() == 2, LIMIT));
    }
}
