package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** InListPassiveTarget, InDeselect, InRelease, InSelect, InAutoPoll and the ISO 14443-3 states behind them. */
class ListingTest {
    private static final String NTAG424_UID = "04A1B2C3D4E5F6";
    private static final String NTAG424_TARGET = "03 44 20 07 " + NTAG424_UID + " 06 77 77 71 02 80";
    private static final String TYPE2_TARGET = "00 44 00 07 04112233445566";

    private final ScriptedHost host = ScriptedHost.start();
    private final SimulatedNtag424 ntag424 = SimulatedNtag424.builder().uid(ScriptedHost.hex(NTAG424_UID)).build();
    private final Ntag424FieldChip chip424 = new Ntag424FieldChip(ntag424);
    private final Type2TestChip type2 = new Type2TestChip("04112233445566");

    @AfterEach
    void stop() {
        host.close();
    }

    private void singleShotListing() {
        host.transact("32 05 00 01 02", "33");
    }

    @Test
    void listsNtag424WithUidAtqaSakAndAts() {
        host.emulator.addChip(chip424);
        singleShotListing();
        host.transact("4A 01 00", "4B 01 01 " + NTAG424_TARGET);
    }

    @Test
    void listsTwoTargetsWithMaxTgTwo() {
        host.emulator.addChip(chip424);
        host.emulator.addChip(type2);
        singleShotListing();
        host.transact("4A 02 00", "4B 02 01 " + NTAG424_TARGET + " 02 " + TYPE2_TARGET);
        host.transact("04", "05 00 01 02 01 00 00 00 02 00 00 00 00");
    }

    @Test
    void withoutAutomaticRatsTheIsoDepChipIsListedWithoutAts() {
        host.emulator.addChip(chip424);
        host.transact("12 00", "13");
        singleShotListing();
        host.transact("4A 01 00", "4B 01 01 03 44 20 07 " + NTAG424_UID);
    }

    @Test
    void initiatorDataSelectsOneUid() {
        host.emulator.addChip(chip424);
        host.emulator.addChip(type2);
        singleShotListing();
        host.transact("4A 01 00 88 04 11 22 33 44 55 66", "4B 01 01 " + TYPE2_TARGET);
        host.transact("4A 01 00 88 04 00 00 00 00 00 00", "4B 00");
        host.send("4A 01 00 04 11 22");
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.ERROR_FRAME);
    }

    @Test
    void releasedTargetIsHaltedUntilTheFieldIsReset() {
        host.emulator.addChip(type2);
        singleShotListing();
        host.transact("4A 01 00", "4B 01 01 " + TYPE2_TARGET);
        host.transact("52 00", "53 00");
        host.transact("4A 01 00", "4B 00");
        int cyclesBefore = type2.powerCycles;
        host.transact("32 01 00", "33");
        host.transact("32 01 01", "33");
        assertEquals(cyclesBefore + 1, type2.powerCycles, "field off resets the chip");
        host.transact("4A 01 00", "4B 01 01 " + TYPE2_TARGET);
    }

    @Test
    void fieldOffResetsEveryChipAndLosesTheTargets() {
        host.emulator.addChip(chip424);
        host.emulator.addChip(type2);
        singleShotListing();
        host.transact("4A 01 00", "4B 01 01 " + NTAG424_TARGET);
        host.transact("40 01 90 60 00 00 00", "41 00 04 04 02 30 00 11 05 91 AF"); // GetVersion part 1
        int before = type2.powerCycles;
        host.transact("32 01 00", "33");
        assertFalse(host.emulator.fieldOn());
        assertEquals(before + 1, type2.powerCycles);
        host.transact("40 01 90 60 00 00 00", "41 01");
    }

    @Test
    void deselectedTargetCanBeSelectedAgain() {
        host.emulator.addChip(type2);
        singleShotListing();
        host.transact("4A 01 00", "4B 01 01 " + TYPE2_TARGET);
        host.transact("44 01", "45 00");
        host.transact("42 30 04", "43 01"); // a halted chip does not answer raw frames
        host.transact("54 01", "55 00");
        host.transact("40 01 30 00", "41 00 " + ScriptedHost.hex(type2.page(0)) + ScriptedHost.hex(type2.page(1))
                + ScriptedHost.hex(type2.page(2)) + ScriptedHost.hex(type2.page(3)));
        host.transact("54 02", "55 27");
        host.transact("44 02", "45 27");
    }

    @Test
    void activationAndHaltReachTheChipAsIso14443Frames() {
        host.emulator.addChip(type2);
        singleShotListing();
        host.transact("4A 01 00", "4B 01 01 " + TYPE2_TARGET);
        assertEquals(1, type2.activations);
        assertEquals(0, type2.powerCycles, "selection is not a power cycle");
        host.transact("52 00", "53 00");
        assertEquals(java.util.List.of("5000"), type2.frames, "InRelease sends HLTA");
        host.transact("32 01 00", "33");
        host.transact("4A 01 00", "4B 01 01 " + TYPE2_TARGET); // RF comes back on by itself
        assertEquals(2, type2.activations);
        assertEquals(1, type2.powerCycles);
    }

    /**
     * A Type 2 chip pulled off the antenna while InRelease halts it (found by the kill campaign: the emulator
     * logged ERROR and answered the syntax error frame, which no PN532 sends for a well-formed InRelease). HLTA
     * has no answer (ISO/IEC 14443-3; ntag223.md: HLTA 50 00, answer none), so the PN532 cannot tell: status OK, and the target is gone.
     */
    @Test
    void aChipPulledDuringTheHaltOfInReleaseIsReleasedWithStatusOk() {
        host.emulator.addChip(new com.tagline.simulator.field.ForwardingFieldChip(type2) {
            @Override
            public byte[] processType2(byte[] frame) {
                if ((frame[0] & 0xFF) == 0x50) {
                    throw new com.tagline.simulator.field.ChipTornException("pulled off the antenna at HLTA", false);
                }
                return super.processType2(frame);
            }
        });
        singleShotListing();
        host.transact("4A 01 00", "4B 01 01 " + TYPE2_TARGET);
        host.transact("52 00", "53 00");
        host.transact("4A 01 00", "4B 00"); // it left the field
    }

    @Test
    void otherModulationsFindNothing() {
        host.emulator.addChip(type2);
        host.transact("4A 01 01 00 FF FF 01 00", "4B 00");
        host.transact("4A 01 03 00", "4B 00");
        host.transact("4A 01 04", "4B 00");
    }

    @Test
    void badListingParametersGetTheErrorFrame() {
        host.send("4A 03 00");
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.ERROR_FRAME);
        host.send("4A 01 09");
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.ERROR_FRAME);
    }

    @Test
    void infiniteRetriesWaitForAChipToArrive() {
        host.transact("32 05 FF FF FF", "33");
        host.send("4A 01 00");
        host.expect(ScriptedHost.ACK);
        host.expectSilence(Duration.ofMillis(100));
        host.emulator.addChip(type2);
        host.expect(ScriptedHost.responseFrame("4B 01 01 " + TYPE2_TARGET));
    }

    @Test
    void hostAckAbortsAWaitingListing() {
        host.send("4A 01 00"); // reset value of MxRtyPassiveActivation is FF
        host.expect(ScriptedHost.ACK);
        host.write(ScriptedHost.ACK);
        host.expectSilence(Duration.ofMillis(100));
        host.emulator.addChip(type2);
        host.transact("02", "03 32 01 06 07");
    }

    @Test
    void autoPollReportsTypeAndTargetData() {
        host.emulator.addChip(type2);
        host.emulator.addChip(chip424);
        // nfc-poll's InAutoPoll (pn532.md §6): ISO 14443-4A first, then MIFARE, then others.
        host.transact("60 14 02 20 10 03 11 12 04 03",
                "61 02 10 0C 01 " + TYPE2_TARGET + " 20 12 02 " + NTAG424_TARGET);
        assertTrue(host.emulator.fieldOn());
    }

    @Test
    void autoPollWithoutChipsEndsAfterPollNr() {
        host.transact("60 01 01 10", "61 00");
    }
}
