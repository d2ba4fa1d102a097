package com.tagline.simulator.pn532;

import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 1: a host that frames ISO/IEC 14443-4 itself (nfcpy's Type 4 path: automatic RATS off, then
 * RATS and blocks through InCommunicateThru) reaches the NTAG 424 DNA's ISO-DEP layer: RATS/ATS, PPS, I-blocks
 * with block numbers and chaining both ways, R-blocks, S(WTX) and S(DESELECT), with CID when RATS assigned
 * one. Block rules: ISO/IEC 14443-4:2016 §7.5.4; ATS 06 77 77 71 02 80 and GetVersion frames: ntag424.md §1 and
 * DataExchangeTest.
 */
class RawIsoDepBlocksTest {
    private static final String UID = "04A1B2C3D4E5F6";
    private static final String VERSION_1 = "04 04 02 30 00 11 05";
    private static final String VERSION_2 = "04 04 02 01 02 11 05";
    private static final String VERSION_3 = UID + " CD 65 93 5D 40 21 18";
    private static final String SELECT_NDEF_APPLICATION = "00 A4 04 00 07 D2 76 00 00 85 01 01 00";

    private final ScriptedHost host = ScriptedHost.start();

    @BeforeEach
    void listWithoutAutomaticRats() {
        host.emulator.addChip(new Ntag424FieldChip(SimulatedNtag424.builder().uid(ScriptedHost.hex(UID)).build()));
        host.transact("12 00", "13"); // SetParameters: fAutomaticRATS off
        host.transact("4A 01 00", "4B 01 01 03 44 20 07 " + UID);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void ratsAndHostFramedIBlocksAsInTheIssue() {
        host.transact("42 E0 80", "43 00 06 77 77 71 02 80");
        host.transact("42 02 " + SELECT_NDEF_APPLICATION, "43 00 02 90 00");
        host.transact("42 03 00 A4 00 0C 02 E1 03", "43 00 03 90 00"); // the PCD toggled to 1, so did the PICC
        host.transact("42 03 00 A4 00 0C 02 E1 03", "43 00 02 90 00"); // rule D: every I-block toggles
    }

    @Test
    void chainingFromTheHostIsAcknowledgedBlockByBlock() {
        host.transact("42 E0 80", "43 00 06 77 77 71 02 80");
        host.transact("42 12 90 60", "43 00 A2"); // I(0) with chaining → R(ACK 0)
        host.transact("42 13 00 00", "43 00 A3"); // I(1) with chaining → R(ACK 1)
        host.transact("42 02 00", "43 00 02 " + VERSION_1 + " 91 AF");
    }

    @Test
    void theChipChainsWhenFsdIsSmall() {
        host.transact("42 E0 00", "43 00 06 77 77 71 02 80"); // FSDI 0: frames of 16 bytes with CRC_A
        host.transact("42 02 90 60 00 00 00", "43 00 02 " + VERSION_1 + " 91 AF");
        host.transact("42 03 90 AF 00 00 00", "43 00 03 " + VERSION_2 + " 91 AF");
        String part3 = (VERSION_3 + " 91 00").replace(" ", "");
        host.transact("42 02 90 AF 00 00 00", "43 00 12 " + part3.substring(0, 26)); // 13 bytes, more follows
        host.transact("42 B3", "43 00 A2"); // R(NAK) with the other number: R(ACK) with the PICC's (rule G)
        host.transact("42 A3", "43 00 03 " + part3.substring(26)); // R(ACK 1): the rest (rule E)
        host.transact("42 A3", "43 00 03 " + part3.substring(26)); // the current number: again (rule F)
    }

    @Test
    void ppsOnlyAsTheFirstBlockAndCidWhenRatsAssignedOne() {
        host.transact("42 E0 81", "43 00 06 77 77 71 02 80"); // CID 1
        host.transact("42 D1 11 00", "43 00 D1"); // PPS for CID 1, 106 kbps both ways
        host.transact("42 D1 11 00", "43 01"); // only once
        host.transact("42 02 90 60 00 00 00", "43 01"); // no CID: not for this PICC
        host.transact("42 0A 02 90 60 00 00 00", "43 01"); // CID 2
        host.transact("42 0A 01 90 60 00 00 00", "43 00 0A 01 " + VERSION_1 + " 91 AF");
        host.transact("42 CA 01", "43 00 CA 01"); // S(DESELECT) with CID
        host.transact("42 0B 01 90 AF 00 00 00", "43 01"); // halted
    }

    @Test
    void waitingTimeExtensionRequestsReachTheHostThatFramesBlocks() {
        host.transact("42 E0 80", "43 00 06 77 77 71 02 80");
        host.emulator.faults().chipRequestsWaitingTimeExtension(2);
        host.transact("42 02 90 60 00 00 00", "43 00 F2 01");
        host.transact("42 F2 01", "43 00 F2 01");
        host.transact("42 F2 01", "43 00 02 " + VERSION_1 + " 91 AF");
        host.transact("42 F2 01", "43 01"); // no request pending
    }

    @Test
    void deselectHaltsAndWupaWakesTheChip() {
        host.transact("42 E0 80", "43 00 06 77 77 71 02 80");
        host.transact("42 C2", "43 00 C2");
        host.transact("42 02 90 60 00 00 00", "43 01");
        host.transact("08 63 02 00 63 03 00 63 3D 07", "09");
        host.transact("42 26", "43 01"); // HALT ignores REQA
        host.transact("42 52", "43 00 44 03"); // WUPA: ATQA 0344
    }
}
