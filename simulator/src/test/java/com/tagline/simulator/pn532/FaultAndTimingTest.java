package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fault injection on the line and in the field, and the timing model with its counters. */
class FaultAndTimingTest {
    private static final Duration QUIET = Duration.ofMillis(150);
    private static final String FIRMWARE = "03 32 01 06 07";
    private static final String TYPE2_LISTED = "4B 01 01 00 44 00 07 04 11 22 33 44 55 66";

    private final ScriptedHost host = ScriptedHost.start();
    private final Type2TestChip type2 = new Type2TestChip("04112233445566");

    @AfterEach
    void stop() {
        host.close();
    }

    private void listType2() {
        host.emulator.addChip(type2);
        host.transact("32 05 00 01 02", "33");
        host.transact("4A 01 00", TYPE2_LISTED);
    }

    @Test
    void lostAckLeavesOnlyTheResponse() {
        host.emulator.faults().loseAcks(1);
        host.send("02");
        host.expect(ScriptedHost.responseFrame(FIRMWARE));
        host.transact("02", FIRMWARE);
    }

    @Test
    void lostResponseIsRecoveredWithNack() {
        host.emulator.faults().loseResponses(1);
        host.send("02");
        host.expect(ScriptedHost.ACK);
        host.expectSilence(QUIET);
        host.write(ScriptedHost.NACK);
        host.expect(ScriptedHost.responseFrame(FIRMWARE));
    }

    @Test
    void droppedAndCorruptedBytesHitOneResponseOnly() {
        String intact = ScriptedHost.responseFrame(FIRMWARE);
        host.emulator.faults().dropResponseBytes(5, 2);
        host.send("02");
        host.expect(ScriptedHost.ACK);
        host.expect(intact.substring(0, 10) + intact.substring(14));
        host.write(ScriptedHost.NACK);
        host.expect(intact);
        host.emulator.faults().corruptResponseByte(7, 0xFF);
        host.send("02");
        host.expect(ScriptedHost.ACK);
        host.expect(intact.substring(0, 14) + "CD" + intact.substring(16));
        host.transact("02", FIRMWARE);
    }

    @Test
    void noiseChangesBytesOnTheLine() {
        host.emulator.faults().noise(1.0, new SplittableRandom(7));
        host.send("02");
        byte[] ack = host.read(6, ScriptedHost.TIMEOUT);
        assertNotEquals(ScriptedHost.ACK, ScriptedHost.hex(ack));
        for (int i = 0; i < 6; i++) {
            assertNotEquals(ScriptedHost.hex(ScriptedHost.ACK)[i], ack[i], "every byte changed");
        }
        host.read(13, ScriptedHost.TIMEOUT);
        host.emulator.faults().clear();
        host.transact("02", FIRMWARE);
    }

    @Test
    void lostBytesGoMissingFromTheLineUntilCleared() {
        host.emulator.faults().loseBytes(1.0, new SplittableRandom(7));
        host.send("02");
        host.expectSilence(QUIET);
        host.emulator.faults().loseBytes(0.5, new SplittableRandom(11));
        host.send("02");
        int got = host.drain(QUIET);
        assertTrue(got > 0 && got < 6 + 13, "some of the ACK's and response's 19 bytes get through: " + got);
        host.emulator.faults().clear();
        host.transact("02", FIRMWARE);
    }

    @Test
    void chipLeavingBeforeProcessingTimesOutAndKeepsItsMemory() {
        listType2();
        host.emulator.faults().chipLeavesOnNextExchange(LeavePoint.BEFORE_PROCESSING);
        int cycles = type2.powerCycles;
        host.transact("40 01 A2 05 AA BB CC DD", "41 01");
        assertEquals(List.of(), host.emulator.chips());
        assertEquals(List.of(), type2.frames);
        assertEquals(cycles + 1, type2.powerCycles);
        assertEquals("14151617", ScriptedHost.hex(type2.page(5)));
    }

    @Test
    void chipLeavingAfterProcessingTimesOutButTheWriteHappened() {
        listType2();
        host.emulator.faults().chipLeavesOnNextExchange(LeavePoint.AFTER_PROCESSING);
        host.transact("40 01 A2 05 AA BB CC DD", "41 01");
        assertEquals("AABBCCDD", ScriptedHost.hex(type2.page(5)));
        assertFalse(host.emulator.chips().contains(type2));
        host.transact("04", "05 01 01 00 00"); // Err 01 from the exchange, field on, target lost
    }

    @Test
    void chipRemovedDuringTheRfTimeTimesOut() {
        listType2();
        host.emulator.timing(Pn532Timing.realTime(Duration.ZERO, Duration.ofMillis(400)));
        host.send("40 01 30 00");
        host.expect(ScriptedHost.ACK);
        host.emulator.removeChip(type2);
        host.expect(ScriptedHost.responseFrame("41 01"));
        assertEquals(List.of(), type2.frames);
    }

    @Test
    void countersAndAccountingModeSumLineAndChipTime() {
        host.emulator.addChip(type2);
        host.emulator.timing(Pn532Timing.accounting(Duration.ofMillis(1), Duration.ofMillis(3)));
        host.transact("02", FIRMWARE); // 9 + 6 + 13 = 28 bytes on the wire (pn532.md §4)
        Pn532Counters c = host.emulator.counters();
        assertEquals(new Pn532Counters(1, 0, 9, 19, c.modeledTime()), c);
        assertNear(Pn532Timing.lineTime(28, 115_200).plusMillis(1), c.modeledTime());
        host.transact("32 05 00 01 02", "33");
        host.transact("4A 01 00", TYPE2_LISTED);
        host.transact("40 01 30 00", "41 00 " + "000102030405060708090A0B0C0D0E0F");
        c = host.emulator.counters();
        assertEquals(4, c.exchanges());
        assertEquals(2, c.rfExchanges());
        long wire = c.bytesFromHost() + c.bytesToHost();
        assertNear(Pn532Timing.lineTime(wire, 115_200).plusMillis(4 + 6), c.modeledTime());
        host.emulator.resetCounters();
        assertEquals(new Pn532Counters(0, 0, 0, 0, Duration.ZERO), host.emulator.counters());
    }

    @Test
    void offModeCountsBytesButNoTime() {
        host.transact("02", FIRMWARE);
        assertEquals(new Pn532Counters(1, 0, 9, 19, Duration.ZERO), host.emulator.counters());
    }

    @Test
    void realTimeModeWaitsTheModeledTime() {
        host.emulator.timing(Pn532Timing.realTime(Duration.ofMillis(120), Duration.ZERO));
        long start = System.nanoTime();
        host.transact("02", FIRMWARE);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(120).toNanos());
    }

    @Test
    void rfTimeBeyondTheRetryTimeoutIsATimeoutButTheChipActed() {
        listType2();
        host.emulator.timing(Pn532Timing.accounting(Duration.ZERO, Duration.ofMillis(60)));
        host.transact("40 01 A2 05 AA BB CC DD", "41 01"); // 60 ms > 51.2 ms, RetryTimeout 0A (reset value)
        assertEquals("AABBCCDD", ScriptedHost.hex(type2.page(5)));
        host.transact("32 02 00 0B 00", "33"); // RetryTimeout 00: no timeout
        host.transact("40 01 A2 06 01 02 03 04", "41 00");
    }

    @Test
    void aMuteChipCostsTheRetryTimeout() {
        listType2();
        type2.mute = true;
        host.emulator.timing(Pn532Timing.accounting(Duration.ZERO, Duration.ZERO));
        host.transact("32 02 00 0B 0B", "33"); // RetryTimeout 0B: 102.4 ms
        host.emulator.resetCounters();
        host.transact("40 01 30 00", "41 01");
        Pn532Counters c = host.emulator.counters();
        assertNear(Pn532Timing.lineTime(c.bytesFromHost() + c.bytesToHost(), 115_200).plus(Duration.ofNanos(102_400_000)),
                c.modeledTime());
    }

    @Test
    void lineTimeIsTenBitsPerByte() {
        assertEquals(Duration.ofNanos(86_805), Pn532Timing.lineTime(1, 115_200));
        assertEquals(Duration.ofMillis(10), Pn532Timing.lineTime(96, 96_000));
    }

    private static void assertNear(Duration expected, Duration actual) {
        assertTrue(Math.abs(expected.toNanos() - actual.toNanos()) < 1_000, expected + " vs " + actual);
    }
}
