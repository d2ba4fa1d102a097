package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.pn532.PassiveTarget;
import com.tagline.hardware.pn532.Pn532;
import com.tagline.hardware.pn532.Pn532TagLink;
import com.tagline.hardware.serial.PipeSerialLink;
import com.tagline.hardware.tag.TagLostException;
import com.tagline.hardware.tag.TransportException;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The station's PN532 driver (hardware module) against the emulator over an in-memory pipe. */
class HardwareDriverInteropTest {
    private static final byte[] UID_424 = ScriptedHost.hex("04A1B2C3D4E5F6");
    private static final byte[] UID_223 = ScriptedHost.hex("04112233445566");
    private static final Duration RF_TIMEOUT = Duration.ofMillis(20);

    private final PipeSerialLink[] pipe = PipeSerialLink.pair();
    private final Pn532Emulator emulator = new Pn532Emulator(pipe[1]);
    private final Pn532 pn532 = new Pn532(pipe[0]);

    HardwareDriverInteropTest() {
        emulator.addChip(new Ntag424FieldChip(SimulatedNtag424.builder().uid(UID_424).build()));
        emulator.addChip(SimulatedNtag223.builder().uid(UID_223).build());
        emulator.start();
    }

    @AfterEach
    void stop() {
        pn532.close();
        emulator.stop();
    }

    private List<PassiveTarget> initAndList() {
        assertEquals(0x32, pn532.init().ic());
        return pn532.inListPassiveTarget(2, new byte[0]);
    }

    @Test
    void initAndListBothChips() {
        List<PassiveTarget> targets = initAndList();
        assertEquals(2, targets.size());
        assertArrayEquals(UID_424, targets.get(0).target().uid());
        assertEquals(0x0344, targets.get(0).target().atqa());
        assertEquals("067777710280", ScriptedHost.hex(targets.get(0).target().ats()));
        assertArrayEquals(UID_223, targets.get(1).target().uid());
        assertEquals(0x00, targets.get(1).target().sak());
    }

    @Test
    void apduExchangeWithTheNtag424() {
        pn532.init();
        Pn532TagLink ntag424 = new Pn532TagLink(pn532, pn532.inListPassiveTarget(1, cascaded(UID_424)).get(0));
        assertEquals("0404023000110591AF", ScriptedHost.hex(ntag424.transceive(ScriptedHost.hex("9060000000"))));
        assertEquals("0404020102110591AF", ScriptedHost.hex(ntag424.transceive(ScriptedHost.hex("90AF000000"))));
    }

    /** Raw frames go to the target the PN532 addressed last, so a Type 2 session lists its chip alone. */
    @Test
    void rawType2FramesWithTheNtag223() {
        pn532.init();
        Pn532TagLink ntag223 = new Pn532TagLink(pn532, pn532.inListPassiveTarget(1, cascaded(UID_223)).get(0));
        assertArrayEquals(ScriptedHost.hex("041122"), java.util.Arrays.copyOf(
                ntag223.transceiveRaw(ScriptedHost.hex("3000"), RF_TIMEOUT), 3));
        assertEquals("0A", ScriptedHost.hex(ntag223.transceiveRaw(ScriptedHost.hex("A205DEADBEEF"), RF_TIMEOUT)));
        assertEquals("DEADBEEF", ScriptedHost.hex(ntag223.transceiveRaw(ScriptedHost.hex("3005"), RF_TIMEOUT))
                .substring(0, 8));
    }

    private static byte[] cascaded(byte[] uid) {
        byte[] out = new byte[8];
        out[0] = (byte) 0x88;
        System.arraycopy(uid, 0, out, 1, 7);
        return out;
    }

    @Test
    void releasedTargetsAreNotListedAgainUntilTheFieldIsReset() {
        initAndList();
        pn532.inRelease(0);
        assertEquals(List.of(), pn532.inListPassiveTarget(1, new byte[0]));
        pn532.rfField(false);
        pn532.rfField(true);
        assertEquals(2, pn532.inListPassiveTarget(2, new byte[0]).size());
    }

    @Test
    void chipLeavingMidCommandIsATagLostForTheDriver() {
        List<PassiveTarget> targets = initAndList();
        emulator.faults().chipLeavesOnNextExchange(LeavePoint.BEFORE_PROCESSING);
        Pn532TagLink ntag424 = new Pn532TagLink(pn532, targets.get(0));
        assertThrows(TagLostException.class, () -> ntag424.transceive(ScriptedHost.hex("9060000000")));
        assertEquals(1, emulator.chips().size());
    }

    @Test
    void theDriverResendsACommandWhoseAckWasLost() {
        initAndList();
        emulator.faults().loseAcks(1);
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void aLostResponseEndsInAnAbortAndTheNextCommandWorks() {
        initAndList();
        emulator.faults().loseResponses(1);
        assertThrows(TransportException.class, pn532::getFirmwareVersion);
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void theDriverRecoversACorruptedResponseWithNack() {
        initAndList();
        emulator.faults().corruptResponseByte(8, 0x01);
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
    }

    @Test
    void serialBaudRateSwitchReachesTheEmulator() {
        initAndList();
        pn532.setSerialBaudRate(921_600);
        assertEquals(0x32, pn532.getFirmwareVersion().ic());
        assertEquals(921_600, emulator.baud());
        assertTrue(emulator.counters().exchanges() > 0);
    }
}
