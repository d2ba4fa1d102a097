package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.simulator.field.TearPoint;
import com.tagline.simulator.field.TearingChip;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A chip whose field drops mid-command ({@link TearingChip}, architecture §7) as the reader sees it through
 * the emulator: the exchange times out (status 01, UM0701-02 §7.1 table 3), the chip powers up again, and it
 * answers the next activation when it stays at the antenna, or is gone.
 */
class TornChipTest {
    private static final String UID = "04A1B2C3D4E5F6";

    private final ScriptedHost host = ScriptedHost.start();

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void anIsoDepCommandTornAfterApplyTimesOutAndTheChipAnswersTheNextActivation() {
        SimulatedNtag424 chip = SimulatedNtag424.builder().uid(ScriptedHost.hex(UID)).build();
        host.emulator.addChip(TearingChip.tearAtIns(new Ntag424FieldChip(chip), 0x60, TearPoint.AFTER_APPLY, true));
        host.transact("4A 01 00", "4B 01 01 03 44 20 07 " + UID + " 06 77 77 71 02 80");
        host.transact("40 01 90 60 00 00 00", "41 01"); // GetVersion torn: no answer
        host.transact("4A 01 00", "4B 01 01 03 44 20 07 " + UID + " 06 77 77 71 02 80");
        String again = host.exchange("40 01 90 60 00 00 00");
        assertTrue(again.startsWith("4100"), "the chip is back and answers: " + again);
    }

    @Test
    void aType2WriteTornBeforeApplyLeavesThePageAndAChipThatLeftIsGone() {
        SimulatedNtag223 chip = SimulatedNtag223.builder().uid(ScriptedHost.hex("04112233445566")).build();
        host.emulator.addChip(TearingChip.tearAtWrite(chip, 0x04, TearPoint.BEFORE_APPLY, false));
        host.transact("4A 01 00", "4B 01 01 00 44 00 07 04 11 22 33 44 55 66");
        String before = host.exchange("40 01 30 04");
        host.transact("40 01 A2 04 DE AD BE EF", "41 01");
        assertEquals(0, host.emulator.chips().size(), "the chip left the field");
        host.emulator.addChip(chip);
        host.transact("4A 01 00", "4B 01 01 00 44 00 07 04 11 22 33 44 55 66");
        assertEquals(before, host.exchange("40 01 30 04"), "the torn WRITE was not applied");
    }
}
