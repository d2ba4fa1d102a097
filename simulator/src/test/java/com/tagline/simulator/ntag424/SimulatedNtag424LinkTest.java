package com.tagline.simulator.ntag424;

import static com.tagline.simulator.ntag424.TestHost.ZERO_KEY;
import static com.tagline.simulator.ntag424.TestHost.concat;
import static com.tagline.simulator.ntag424.TestHost.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.TaglineException;
import com.tagline.hardware.crypto.Crc32Nk;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.tag.TagLostException;
import com.tagline.hardware.tag.Target;
import com.tagline.simulator.field.TearPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated link and its fault injection: tears, leaving the field, slow answers, counters. */
class SimulatedNtag424LinkTest {
    private static final byte[] UID = hex("04112233445566");

    private final ScriptedRandom random = new ScriptedRandom();
    private final SimulatedNtag424 chip = SimulatedNtag424.builder().uid(UID).random(random).build();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SimulatedNtag424Link link = new SimulatedNtag424Link(chip, sleeps::add);

    private byte[] send(String apdu) {
        return link.transceive(hex(apdu));
    }

    @Test
    void targetIsIsoDepWithTheChipsUidAndAts() {
        Target t = link.target();
        assertArrayEquals(UID, t.uid());
        assertEquals(0x0344, t.atqa());
        assertEquals(0x20, t.sak());
        assertEquals("067777710280", hex(t.ats()));
        assertTrue(t.isoDep());
        TaglineException e = assertThrows(TaglineException.class, () -> link.transceiveRaw(new byte[] {0x30, 0},
                Duration.ofMillis(5)));
        assertTrue(e.getMessage().contains("ISO-DEP"));
    }

    @Test
    void tearBeforeApplyLeavesTheFileUnchangedAndResetsTheChip() {
        send(TestHost.SELECT_APPLICATION);
        link.tearNext(0x8D, TearPoint.BEFORE_APPLY);
        assertEquals("9100", hex(send("90AD0000070200000004000000")).substring(8)); // other INS pass
        assertThrows(TagLostException.class, () -> send("908D00000B02000000040000AABBCCDD00"));
        assertArrayEquals(new byte[4], Arrays.copyOf(chip.fileData(2), 4));
        assertEquals("919D", hex(send("908D00000B02000000040000AABBCCDD00")), "power cycle: MF selected");
        send(TestHost.SELECT_APPLICATION);
        assertEquals("9100", hex(send("908D00000B02000000040000AABBCCDD00")), "the tear fired once");
    }

    @Test
    void tearAfterApplyKeepsTheWriteButLosesTheAnswer() {
        send(TestHost.SELECT_APPLICATION);
        send("00A4000C02E104");
        link.tearNext(0xD6, TearPoint.AFTER_APPLY);
        assertThrows(TagLostException.class, () -> send("00D6000004AABBCCDD"));
        assertEquals("AABBCCDD", hex(Arrays.copyOf(chip.fileData(2), 4)));
        assertEquals("6985", hex(send("00B0000004")), "selection lost with the power cycle");
    }

    @Test
    void tornChangeKeyIsAppliedOrNotAsAWhole() {
        TestHost host = new TestHost(chip);
        host.selectApplication();
        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.authenticateFirst(0, ZERO_KEY, hex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"));
        byte[] newKey = hex("0102030405060708090A0B0C0D0E0F10");
        byte[] field = host.protect(0xC4, new byte[] {1}, concat(newKey, new byte[] {5}, Crc32Nk.of(newKey)),
                CommMode.FULL);
        link.tearNext(0xC4, TearPoint.AFTER_APPLY);
        assertThrows(TagLostException.class, () -> link.transceive(TestHost.nativeApdu(0xC4, field)));
        assertFalse(chip.isAuthenticated());
        send(TestHost.SELECT_APPLICATION);
        assertEquals("059100", hex(send("9064000001" + "01" + "00")), "GetKeyVersion tells the key is new");
    }

    @Test
    void chipOutOfTheFieldFailsEveryExchangeUntilPutBack() {
        send(TestHost.SELECT_APPLICATION);
        link.removeFromField();
        assertFalse(link.inField());
        assertThrows(TagLostException.class, () -> send("9060000000"));
        assertThrows(TagLostException.class, () -> send("9060000000"));
        link.putBack();
        assertEquals("919D", hex(send("90F5000001" + "02" + "00")), "put back power-cycled: MF selected");
    }

    @Test
    void slowAnswerBeyondTheTimeoutIsAppliedButReportedLost() {
        send(TestHost.SELECT_APPLICATION);
        link.responseLatency(Duration.ofMillis(20));
        send("9064000001" + "00" + "00");
        assertEquals(List.of(Duration.ofMillis(20)), sleeps);

        link.frameWaitingTimeout(Duration.ofMillis(10));
        assertThrows(TagLostException.class, () -> send("908D00000902000000020000EEFF00"));
        assertEquals("EEFF", hex(Arrays.copyOf(chip.fileData(2), 2)));
        assertEquals(Duration.ofMillis(10), sleeps.get(1), "the host waited only its timeout");

        link.frameWaitingTimeout(Duration.ofMillis(50));
        assertEquals("9100", hex(send("9064000001" + "00" + "00")).substring(2));
    }

    @Test
    void countsExchangesAndBytes() {
        send(TestHost.SELECT_APPLICATION); // 13 bytes out, 2 back
        send("9060000000"); // 5 out, 9 back
        assertEquals(2, link.exchanges());
        assertEquals(18, link.bytesSent());
        assertEquals(11, link.bytesReceived());
        link.resetCounters();
        assertEquals(0, link.exchanges());
    }
}
