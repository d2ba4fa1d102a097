package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tagline.hardware.tag.Ats;
import com.tagline.hardware.tag.BitRate;
import com.tagline.simulator.field.FieldChip;
import com.tagline.simulator.field.ForwardingFieldChip;
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
        // Same serial bytes and chip time; the air time of the 8-byte block out and the 12-byte block back
        // (PCB + APDU + CRC_A) shrinks from 128/fc to 32/fc per bit (ISO/IEC 14443-2, D = 4).
        assertEquals(airSaved(8, 12).toNanos(), timeSavedBy(() -> host.transact("4E 01 02 02", "4F 00")).toNanos(),
                2);
    }

    @Test
    void ppsOnlyAsTheFirstBlockAfterTheAts() {
        // ISO/IEC 14443-4 §5.3: the PICC takes PPS only right after its ATS; later it stays mute (status 01).
        list(ntag424);
        host.transact("40 01 " + SELECT, "41 00 90 00");
        host.transact("4E 01 02 02", "4F 01");
        host.transact("40 01 " + SELECT, "41 00 90 00");
    }

    @Test
    void aRawPpsBlockSetsTheRateInDataExchangeRunsAt() {
        // The chip's ISO-DEP layer keeps the rate, whoever sent the PPS: PPSS D0, PPS0 11, PPS1 0A (DSI = DRI =
        // 2, 424 kbit/s) through InCommunicateThru, answered with PPSS; InPSL after it is no first block.
        Duration saved = timeSavedBy(() -> {
            host.transact("42 D0 11 0A", "43 00 D0");
            host.transact("4E 01 02 02", "4F 01");
        });
        assertEquals(airSaved(8, 12).toNanos(), saved.toNanos(), 2);
    }

    /**
     * GetVersion's first frame at 106 kbit/s, then again after a re-activation and {@code pps}: how much less
     * the second cost.
     */
    private Duration timeSavedBy(Runnable pps) {
        list(ntag424);
        host.emulator.timing(Pn532Timing.accounting(DatasheetTiming.defaults()));
        Duration at106 = cost("40 01 " + GET_VERSION, "41 00 04 04 02 30 00 11 05 91 AF");
        reactivate();
        pps.run();
        return at106.minus(cost("40 01 " + GET_VERSION, "41 00 04 04 02 30 00 11 05 91 AF"));
    }

    @Test
    void reactivationStartsAgainAt106() {
        list(ntag424);
        host.emulator.timing(Pn532Timing.accounting(DatasheetTiming.defaults()));
        Duration before = cost("40 01 " + SELECT, "41 00 90 00");
        reactivate();
        host.transact("4E 01 02 02", "4F 00");
        host.transact("44 01", "45 00"); // InDeselect: S(DESELECT); the next exchange re-activates (RATS)
        assertEquals(before, cost("40 01 " + SELECT, "41 00 90 00"));
    }

    /** InDeselect, then InSelect: WUPA, select and RATS open a new ISO-DEP session, where PPS may come first. */
    private void reactivate() {
        host.transact("44 01", "45 00");
        host.transact("54 01", "55 00");
    }

    /** Air time saved at 424 kbit/s on a block of {@code out} bytes and its answer of {@code back} bytes. */
    private static Duration airSaved(int out, int back) {
        Duration air106 = AirTime.frame(out, BitRate.KBPS_106).plus(AirTime.frame(back, BitRate.KBPS_106));
        Duration air424 = AirTime.frame(out, BitRate.KBPS_424).plus(AirTime.frame(back, BitRate.KBPS_424));
        return air106.minus(air424);
    }

    private Duration cost(String command, String response) {
        host.emulator.resetCounters();
        host.transact(command, response);
        return host.emulator.counters().modeledTime();
    }

    /** A chip with another ATS, e.g. one without TA(1). */
    private static final class AtsOverride extends ForwardingFieldChip {
        private final byte[] ats;

        AtsOverride(FieldChip chip, String atsHex) {
            super(chip);
            this.ats = ScriptedHost.hex(atsHex);
        }

        @Override
        public byte[] ats() {
            return ats.clone();
        }

        @Override
        public boolean acceptsPps(BitRate toPicc, BitRate toPcd) {
            return Ats.parse(ats).map(a -> a.allows(toPicc, toPcd)).orElse(false); // its own ATS, not the chip's
        }
    }
}
