package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tagline.hardware.tag.BitRate;
import com.tagline.simulator.field.FieldChip;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** InPSL (UM0701-02 §7.3.7): PPS to an ISO-DEP target, refusals, and exchanges timed at the new rate. */
class InPslTest {
    private static final String UID = "04A1B2C3D4E5F6";
    private static final String SELECT = "00 A4 04 0C 07 D2 76 00 00 85 01 01 00";
    private static final String GET_VERSION = "90 60 00 00 00";

    private final ScriptedHost host = ScriptedHost.start();
    private final Ntag424FieldChip ntag424 = new Ntag424FieldChip(
            SimulatedNtag424.builder().uid(ScriptedHost.hex(UID)).build());

    @AfterEach
    void stop() {
        host.close();
    }

    private void list(FieldChip chip) {
        host.emulator.addChip(chip);
        host.transact("32 05 00 01 02", "33");
        assertEquals("4B01", host.exchange("4A 01 00").substring(0, 4));
    }

    @Test
    void ppsTo424IsConfirmedAndTheTargetKeepsAnswering() {
        list(ntag424);
        host.transact("4E 01 02 02", "4F 00");
        host.transact("40 01 " + SELECT, "41 00 90 00");
    }

    @Test
    void rates848AndAboveAreThePn533sAnInvalidParameter() {
        list(ntag424);
        host.transact("4E 01 03 03", "4F 10");
        host.send("4E 01");
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.ERROR_FRAME);
    }

    @Test
    void noSuchTargetAndType2TargetsAreNotAcceptable() {
        host.transact("4E 01 01 01", "4F 27");
        list(new Type2TestChip("04112233445566"));
        host.transact("4E 01 01 01", "4F 27");
    }

    @Test
    void aChipWhoseAtsHasNoTa1StaysMuteAndAnswersAt106() {
        list(new AtsOverride(ntag424, "05 67 71 02 80"));
        host.transact("4E 01 02 02", "4F 01");
        host.transact("40 01 " + SELECT, "41 00 90 00");
    }

    @Test
    void exchangesAfterPpsCostTheAirTimeAtTheNewRate() {
        list(ntag424);
        host.emulator.timing(Pn532Timing.accounting(DatasheetTiming.defaults()));
        Duration at106 = cost("40 01 " + GET_VERSION, "41 00 04 04 02 30 00 11 05 91 AF");
        host.transact("40 01 90 AF 00 00 00", "41 00 04 04 02 01 02 11 05 91 AF");
        host.transact("40 01 90 AF 00 00 00", "41 00 " + UID + " CD 65 93 5D 40 21 18 91 00");
        host.transact("4E 01 02 02", "4F 00");
        Duration at424 = cost("40 01 " + GET_VERSION, "41 00 04 04 02 30 00 11 05 91 AF");
        // Same serial bytes and chip time; the air time of the 8-byte block out and the 12-byte block back
        // (PCB + APDU + CRC_A) shrinks from 128/fc to 32/fc per bit (ISO/IEC 14443-2, D = 4).
        Duration air106 = AirTime.frame(8, BitRate.KBPS_106).plus(AirTime.frame(12, BitRate.KBPS_106));
        Duration air424 = AirTime.frame(8, BitRate.KBPS_424).plus(AirTime.frame(12, BitRate.KBPS_424));
        assertEquals(air106.minus(air424).toNanos(), at106.minus(at424).toNanos(), 2);
    }

    @Test
    void reactivationStartsAgainAt106() {
        list(ntag424);
        host.emulator.timing(Pn532Timing.accounting(DatasheetTiming.defaults()));
        Duration before = cost("40 01 " + SELECT, "41 00 90 00");
        host.transact("4E 01 02 02", "4F 00");
        host.transact("44 01", "45 00"); // InDeselect: S(DESELECT); the next exchange re-activates (RATS)
        assertEquals(before, cost("40 01 " + SELECT, "41 00 90 00"));
    }

    private Duration cost(String command, String response) {
        host.emulator.resetCounters();
        host.transact(command, response);
        return host.emulator.counters().modeledTime();
    }

    /** A chip with another ATS, e.g. one without TA(1). */
    private record AtsOverride(FieldChip chip, String atsHex) implements FieldChip {
        @Override
        public byte[] uid() {
            return chip.uid();
        }

        @Override
        public int atqa() {
            return chip.atqa();
        }

        @Override
        public int sak() {
            return chip.sak();
        }

        @Override
        public byte[] ats() {
            return ScriptedHost.hex(atsHex);
        }

        @Override
        public byte[] processApdu(byte[] apdu) {
            return chip.processApdu(apdu);
        }

        @Override
        public byte[] processType2(byte[] frame) {
            return chip.processType2(frame);
        }

        @Override
        public void powerCycle() {
            chip.powerCycle();
        }
    }
}
