package com.tagline.simulator.pn532;

import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The PN532 firmware's ISO-DEP (InDataExchange with a target activated with RATS) and raw blocks share the
 * chip's one ISO/IEC 14443-4 layer: the firmware answers S(WTX) itself, and a host's raw R-block after an
 * InDataExchange finds the block numbers the firmware left.
 */
class FirmwareIsoDepTest {
    private static final String UID = "04A1B2C3D4E5F6";
    private static final String VERSION_1 = "04 04 02 30 00 11 05";

    private final ScriptedHost host = ScriptedHost.start();

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void theFirmwareAnswersWaitingTimeExtensionsItself() {
        host.emulator.addChip(new Ntag424FieldChip(SimulatedNtag424.builder().uid(ScriptedHost.hex(UID)).build()));
        host.transact("4A 01 00", "4B 01 01 03 44 20 07 " + UID + " 06 77 77 71 02 80");
        host.emulator.faults().chipRequestsWaitingTimeExtension(3);
        host.transact("40 01 90 60 00 00 00", "41 00 " + VERSION_1 + " 91 AF");
        host.transact("42 B2", "43 00 02 " + VERSION_1 + " 91 AF"); // the PICC's last block: I(0)
        host.transact("40 01 90 AF 00 00 00", "41 00 04 04 02 01 02 11 05 91 AF"); // firmware continues at I(1)
    }

    @Test
    void longApdusAreChainedToTheChipsFsc() {
        host.emulator.addChip(new Ntag424FieldChip(SimulatedNtag424.builder().uid(ScriptedHost.hex(UID)).build()));
        host.transact("4A 01 00", "4B 01 01 03 44 20 07 " + UID + " 06 77 77 71 02 80");
        host.transact("40 01 00 A4 04 00 07 D2 76 00 00 85 01 01 00", "41 00 90 00");
        // ISOUpdateBinary of 200 bytes to an unselected file: more than FSC 128, so the firmware chains it.
        String apdu = "00 D6 00 00 C8" + " 00".repeat(200);
        String answer = host.exchange("40 01 " + apdu);
        org.junit.jupiter.api.Assertions.assertEquals("4100", answer.substring(0, 4), answer);
    }
}
