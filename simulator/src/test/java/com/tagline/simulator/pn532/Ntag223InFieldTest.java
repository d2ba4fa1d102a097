package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tagline.simulator.ntag223.SimulatedNtag223;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The NTAG 223 DNA simulator as a Type 2 target of the emulator: listing, READ, NAK and re-selection. */
class Ntag223InFieldTest {
    private static final String UID = "04112233445566";
    /** Page 0: UID0..2 and BCC0 = 88 ⊕ UID0 ⊕ UID1 ⊕ UID2; page 1: UID3..6 (ISO/IEC 14443-3 UID layout). */
    private static final String PAGES_0_1 = "041122" + String.format("%02X", 0x88 ^ 0x04 ^ 0x11 ^ 0x22) + "33445566";

    private final ScriptedHost host = ScriptedHost.start();
    private final SimulatedNtag223 chip = SimulatedNtag223.builder().uid(ScriptedHost.hex(UID)).build();

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void listedAndReadThroughInDataExchange() {
        host.emulator.addChip(chip);
        host.transact("32 05 00 01 02", "33");
        host.transact("4A 01 00", "4B 01 01 00 44 00 07 " + UID);
        assertEquals("4100" + PAGES_0_1, host.exchange("40 01 30 00").substring(0, 4 + 16));
    }

    @Test
    void afterANakTheChipIsMuteUntilListedAgain() {
        host.emulator.addChip(chip);
        host.transact("32 05 00 01 02", "33");
        host.transact("4A 01 00", "4B 01 01 00 44 00 07 " + UID);
        host.transact("40 01 A2 00 00 00 00 00", "41 02"); // page 0 is read-only: NAK
        host.transact("40 01 30 00", "41 01"); // NTAG21x: IDLE after a NAK, mute
        host.transact("4A 01 00", "4B 01 01 00 44 00 07 " + UID); // IDLE answers REQA
        assertEquals("4100" + PAGES_0_1, host.exchange("40 01 30 00").substring(0, 4 + 16));
    }

    @Test
    void getVersionWithHostCrcThroughInCommunicateThru() {
        host.emulator.addChip(chip);
        host.transact("32 05 00 01 02", "33");
        host.transact("4A 01 00", "4B 01 01 00 44 00 07 " + UID);
        host.transact("08 63 02 00 63 03 00", "09");
        String answer = host.exchange("42 60 F8 32");
        assertEquals("4300", answer.substring(0, 4));
        byte[] version = ScriptedHost.hex(answer.substring(4, answer.length() - 4));
        assertEquals(8, version.length);
        assertEquals(ScriptedHost.hex(CrcA.of(version, 0, 8)), answer.substring(answer.length() - 4));
    }
}
