package com.tagline.simulator.pn532;

import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 2: raw ISO/IEC 14443-3 frames through InCommunicateThru reach the chips in the field as on the
 * air, with the CIU's CRC, parity and bit framing registers honoured, as libnfc's nfc-anticol drives them.
 * Frames: ISO/IEC 14443-3 §6.4 (REQA 26 and WUPA 52 as 7-bit short frames, SEL 93/95/97 with NVB 20 and 70,
 * HLTA 50 00); CRC_A values computed per Annex B (E0 80 → 31 73 and 50 00 → 57 CD appear in public PN53x
 * traces).
 */
class RawIso14443aFramesTest {
    /** libnfc nfc-anticol: CRC off both ways, TxLastBits 7 (CIU_BitFraming 633D) for the short REQA. */
    private static final String CRC_OFF_SEVEN_BITS = "08 63 02 00 63 03 00 63 3D 07";
    private static final String WHOLE_BYTES = "08 63 3D 00";

    private final ScriptedHost host = ScriptedHost.start();
    private final Type2TestChip type2 = new Type2TestChip("04112233445566");

    @AfterEach
    void stop() {
        host.close();
    }

    private void fieldOn() {
        host.transact("32 01 01", "33");
    }

    @Test
    void nfcAnticolSelectsASevenByteUidThroughBothCascadeLevels() {
        host.emulator.addChip(type2);
        fieldOn();
        host.transact(CRC_OFF_SEVEN_BITS, "09");
        host.transact("42 26", "43 00 44 00"); // ATQA 0044, least significant byte first
        host.transact("06 63 3C", "07 00"); // RxLastBits 0: whole bytes
        host.transact(WHOLE_BYTES, "09");
        host.transact("42 93 20", "43 00 88 04 11 22 BF"); // CT, UID0..2, BCC
        host.transact("42 93 70 88 04 11 22 BF B3 F9", "43 00 04 DA 17"); // SAK with the cascade bit
        host.transact("42 95 20", "43 00 33 44 55 66 44");
        host.transact("42 95 70 33 44 55 66 44 " + ScriptedHost.crcHex("957033445566 44"), "43 00 00 FE 51"); // SAK 00
        host.transact("42 30 00 02 A8", "43 00 " + type2.pagesHex(0, 4) + ScriptedHost.crcHex(type2.pagesHex(0, 4)));
        host.transact("42 50 00 57 CD", "43 01"); // HLTA: no answer
        host.transact("08 63 3D 07", "09");
        host.transact("42 26", "43 01"); // a halted chip ignores REQA
        host.transact("42 52", "43 00 44 00"); // and answers WUPA
    }

    @Test
    void crcByTheCiuAndAFourByteCascadeOfAnIsoDepChip() {
        SimulatedNtag424 ntag424 = SimulatedNtag424.builder().uid(ScriptedHost.hex("04A1B2C3D4E5F6")).build();
        host.emulator.addChip(new Ntag424FieldChip(ntag424));
        fieldOn();
        host.transact("08 63 02 00 63 03 00 63 3D 07", "09");
        host.transact("42 52", "43 00 44 03"); // ATQA 0344
        host.transact("08 63 3D 00", "09");
        host.transact("42 93 20", "43 00 88 04 A1 B2 9F");
        host.transact("08 63 02 80 63 03 80", "09"); // the CIU adds and checks CRC_A from now on
        host.transact("42 93 70 88 04 A1 B2 9F", "43 00 04");
        host.transact("42 95 70 C3 D4 E5 F6 04", "43 00 20"); // SELECT without anticollision: SAK 20
        host.transact("42 E0 80", "43 00 06 77 77 71 02 80"); // RATS → ATS
    }

    @Test
    void parityBitsFromTheHostWhenTheCiuLeavesThemOut() {
        host.emulator.addChip(type2);
        fieldOn();
        host.transact(CRC_OFF_SEVEN_BITS, "09");
        host.transact("42 26", "43 00 44 00"); // a short frame has no parity bit
        host.transact("08 63 0D 10 63 3D 02", "09"); // CIU_ManualRCV ParityDisable, 2 bits in the last byte
        // 93 20 with odd parity after each byte, least significant bit first: 18 bits.
        host.transact("42 93 41 00", "43 00 88 09 44 14 F9 0B"); // 88 04 11 22 BF with parity: 45 bits
        host.transact("06 63 3C", "07 05"); // RxLastBits 5
        host.transact("42 93 41 01", "43 01"); // a wrong parity bit: the chip hears nothing valid
    }

    @Test
    void differentAnswersCollideAndOtherFramingsReachNoTypeAChip() {
        host.emulator.addChip(type2);
        host.emulator.addChip(new Ntag424FieldChip(
                SimulatedNtag424.builder().uid(ScriptedHost.hex("04A1B2C3D4E5F6")).build()));
        fieldOn();
        host.transact(CRC_OFF_SEVEN_BITS, "09");
        host.transact("42 26", "43 06"); // ATQA 0044 and 0344 on the air at once
        host.transact("08 63 02 03 63 03 03", "09"); // ISO/IEC 14443-B framing, as nfc-list probes type B
        host.transact("42 52", "43 01");
    }

    @Test
    void theFieldMustBeOn() {
        host.emulator.addChip(type2);
        host.transact(CRC_OFF_SEVEN_BITS, "09");
        host.transact("42 26", "43 01");
        fieldOn();
        host.transact("42 26", "43 00 44 00");
    }

    @Test
    void aListedTargetLeavesActiveOnARawRequestAndOthersAnswer() {
        host.emulator.addChip(type2);
        host.transact("32 05 00 01 02", "33");
        host.transact("4A 01 00", "4B 01 01 00 44 00 07 04 11 22 33 44 55 66");
        host.transact(CRC_OFF_SEVEN_BITS, "09");
        host.transact("42 26", "43 01"); // ACTIVE: REQA is unexpected, the chip falls back to IDLE, mute
        host.transact("42 26", "43 00 44 00"); // and now answers it
    }
}
