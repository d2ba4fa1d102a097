package com.tagline.simulator.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.line.LineSignals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedLineTest {
    private static final LineSignals S = LineSignals.standard();

    private SimulatedLine line;
    private final List<String> edges = new ArrayList<>();

    @BeforeEach
    void open() {
        line = new SimulatedLine(ConveyorLayout.standard(), SimulatedLine.standardPinMap(S), S,
                Instant.parse("2026-01-01T00:00:00Z"));
        line.lineIo().addListener((signal, active) -> edges.add(signal + "=" + active));
    }

    @AfterEach
    void close() {
        line.close();
    }

    private void steps(int n) {
        for (int i = 0; i < n; i++) {
            line.step();
            line.observe();
        }
    }

    @Test
    void beltMovesOnlyWhileTheMotorRuns() {
        line.load(List.of(false));
        steps(1000);
        assertTrue(line.itemAtEncoder().isEmpty());
        line.lineIo().set(S.conveyor(), true);
        steps(501); // 100 mm at 0.2 mm per 1 ms step
        assertTrue(line.itemAtEncoder().isPresent());
        assertTrue(line.lineIo().isActive(S.encoderEye()));
        assertTrue(edges.contains("encoder-eye=true"));
    }

    @Test
    void gateRejectsTheItemUnderTheRejectEyeAndOthersReachTheOutfeed() {
        line.load(List.of(true, false));
        line.lineIo().set(S.conveyor(), true);
        steps(1710); // item 1 leading edge just past the reject eye at 340 mm
        assertTrue(line.lineIo().isActive(S.rejectEye()));
        line.lineIo().set(S.rejectGate(), true);
        line.observe();
        line.lineIo().set(S.rejectGate(), false);
        steps(1000);
        assertEquals(List.of(new GateRecord(1, true, true), new GateRecord(2, false, false)), line.gateRecords());
        assertEquals(0, line.strayGateFires());
    }

    @Test
    void gateWithoutAnItemIsCountedAsStray() {
        line.lineIo().set(S.rejectGate(), true);
        line.observe();
        assertEquals(1, line.strayGateFires());
    }

    @Test
    void estopReadsStopWhenPressedOrWireBroken() {
        assertFalse(line.lineIo().isActive(S.estop()));
        line.pressEstop(true);
        assertTrue(line.lineIo().isActive(S.estop()));
        line.pressEstop(false);
        line.breakEstopWire(true);
        assertTrue(line.lineIo().isActive(S.estop()));
    }

    @Test
    void bounceChattersTheNextEdgeAndSettles() {
        line.load(List.of(false));
        line.bounceNext(S.encoderEye(), 3);
        line.lineIo().set(S.conveyor(), true);
        steps(510);
        List<String> eye = edges.stream().filter(e -> e.startsWith("encoder-eye")).toList();
        assertEquals(List.of("encoder-eye=true", "encoder-eye=false", "encoder-eye=true"), eye);
        assertTrue(line.lineIo().isActive(S.encoderEye()));
    }

    @Test
    void fullOutfeedAndStarvedInfeedShowOnTheirInputs() {
        line.fillOutfeed(true);
        assertTrue(line.lineIo().isActive(S.outfeedFull()));
        line.load(List.of(false));
        assertTrue(line.lineIo().isActive(S.infeedReady()));
        line.starveInfeed(true);
        assertFalse(line.lineIo().isActive(S.infeedReady()));
    }
}
