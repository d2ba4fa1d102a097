package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** InDataExchange to ISO-DEP and Type 2 targets, MI chaining, and InCommunicateThru with CRC handling. */
class DataExchangeTest {
    private static final String UID = "04A1B2C3D4E5F6";
    /** GetVersion frames of SimulatedNtag424 (DS §10.5.2; AN12196 Table 12 production data). */
    private static final String VERSION_1 = "04 04 02 30 00 11 05";
    private static final String VERSION_2 = "04 04 02 01 02 11 05";
    private static final String VERSION_3 = UID + " CD 65 93 5D 40 21 18";

    private final ScriptedHost host = ScriptedHost.start();
    private final SimulatedNtag424 ntag424 = SimulatedNtag424.builder().uid(ScriptedHost.hex(UID)).build();
    private final Type2TestChip type2 = new Type2TestChip("04112233445566");

    @AfterEach
    void stop() {
        host.close();
    }

    private void list424() {
        host.emulator.addChip(new Ntag424FieldChip(ntag424));
        host.transact("32 05 00 01 02", "33");
        assertEquals("4B01", host.exchange("4A 01 00").substring(0, 4));
    }

    private void listType2() {
        host.emulator.addChip(type2);
        host.transact("32 05 00 01 02", "33");
        host.transact("4A 01 00", "4B 01 01 00 44 00 07 04 11 22 33 44 55 66");
    }

    @Test
    void getVersionApduReachesTheNtag424() {
        list424();
        host.transact("40 01 90 60 00 00 00", "41 00 " + VERSION_1 + " 91 AF");
        host.transact("40 01 90 AF 00 00 00", "41 00 " + VERSION_2 + " 91 AF");
        host.transact("40 01 90 AF 00 00 00", "41 00 " + VERSION_3 + " 91 00");
    }

    @Test
    void isoSelectOfTheNdefApplication() {
        list424();
        host.transact("40 01 00 A4 04 0C 07 D2 76 00 00 85 01 01 00", "41 00 90 00");
    }

    @Test
    void longAnswersComeBackWithMiChaining() {
        list424();
        host.emulator.maxDataInPerFrame(4);
        host.transact("40 01 90 60 00 00 00", "41 40 04 04 02 30");
        host.transact("40 01", "41 40 00 11 05 91");
        host.transact("40 01", "41 00 AF");
        host.transact("40 01 90 AF 00 00 00", "41 40 04 04 02 01");
        host.transact("02", "03 32 01 06 07"); // another command ends the chain
        host.transact("40 01", "41 00 67 00"); // an empty APDU now: ISO wrong length
    }

    @Test
    void hostMiChainingAssemblesOneApdu() {
        list424();
        host.transact("40 41 90 60", "41 00");
        host.transact("40 41 00 00", "41 00");
        host.transact("40 01 00", "41 00 " + VERSION_1 + " 91 AF");
    }

    @Test
    void type2ReadThroughInDataExchange() {
        listType2();
        host.transact("40 01 30 04", "41 00 " + type2.pagesHex(4, 4));
    }

    @Test
    void type2WritesGetStatusOkWithoutData() {
        listType2();
        host.transact("40 01 A2 05 AA BB CC DD", "41 00");
        host.transact("40 01 A0 06 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10", "41 00");
        assertEquals("AABBCCDD", ScriptedHost.hex(type2.page(5)));
        assertEquals("01020304", ScriptedHost.hex(type2.page(6)));
        assertEquals(List.of("A205AABBCCDD", "A006", "0102030405060708090A0B0C0D0E0F10"),
                type2.frames);
        host.transact("40 01 A2 02 00 00 00 00", "41 02"); // NAK
    }

    @Test
    void communicateThruWithHostCrcAsNfcMfultralightDoes() {
        listType2();
        host.transact("08 63 02 00 63 03 00", "09");
        host.transact("42 60 F8 32", "43 00 00 04 04 02 01 00 0F 03 80 91"); // pn532.md §3.3 trace
        host.transact("42 60 00 00", "43 01"); // wrong CRC_A: the chip ignores the frame
        host.transact("42 A2 05 01 02 03 04" + ScriptedHost.crcHex("A20501020304"), "43 00 0A");
        host.transact("06 63 3C", "07 04");
    }

    @Test
    void communicateThruWithCrcByThePn532() {
        listType2();
        host.transact("42 30 00", "43 00 " + type2.pagesHex(0, 4));
        host.transact("42 A2 05 01 02 03 04", "43 02"); // 4-bit ACK is a CRC error for the CIU (nfcpy)
        host.transact("08 63 03 00", "09"); // RxCRCEn off, as nfcpy does for Type 2 tags
        host.transact("42 30 00", "43 00 " + type2.pagesHex(0, 4) + ScriptedHost.crcHex(type2.pagesHex(0, 4)));
        host.transact("42 A2 05 01 02 03 04", "43 00 0A");
    }

    @Test
    void muteChipAndMissingTargetTimeOut() {
        host.transact("42 30 00", "43 01");
        host.transact("40 01 30 00", "41 27");
        listType2();
        type2.mute = true;
        host.transact("40 01 30 00", "41 01");
        host.transact("42 30 00", "43 01");
    }

    @Test
    void isoDepChipIsMuteToRawFrames() {
        list424();
        host.transact("42 30 00", "43 01");
    }

    @Test
    void isoDepChipAnswersRawRBlocksAsLibnfcsPresenceCheckExpects() {
        list424();
        host.transact("42 B2", "43 00 A3"); // PICC block number 1 after activation: R(NAK 0) -> R(ACK 1)
        host.transact("42 B2", "43 00 A3");
        host.transact("40 01 90 60 00 00 00", "41 00 " + VERSION_1 + " 91 AF"); // I-block: PICC toggles to 0
        host.transact("42 B2", "43 00 02 " + VERSION_1 + " 91 AF"); // same number: the last block again
        host.transact("42 B3", "43 00 A2");
        host.transact("42 A3", "43 01"); // R(ACK) with the other number: not modelled, mute
        host.transact("44 01", "45 00");
        host.transact("54 01", "55 00");
        host.transact("42 B2", "43 00 A3"); // re-activation restarts the numbering
        assertTrue(host.emulator.chips().size() == 1);
    }

    @Test
    void removedChipTimesOut() {
        listType2();
        assertTrue(host.emulator.removeChip(type2));
        host.transact("40 01 30 00", "41 01");
        assertFalse(host.emulator.removeChip(type2));
        host.emulator.addChip(type2);
        host.transact("40 01 30 00", "41 01"); // it came back as a new, not yet activated chip
        host.transact("4A 01 00", "4B 01 01 00 44 00 07 04 11 22 33 44 55 66");
        host.transact("40 01 30 00", "41 00 " + type2.pagesHex(0, 4));
    }
}
