package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * pn532.md §6: the exact frames Debian's libnfc 1.8.0 {@code nfc-list -t 1} sends to a pn532_uart device,
 * replayed host side byte for byte, with the answers a PN532 v1.6 with one NTAG213 in the field gives.
 */
class LibnfcTraceTest {
    private final ScriptedHost host = ScriptedHost.start();
    private final Type2TestChip ntag213 = new Type2TestChip("04112233445566");

    LibnfcTraceTest() {
        host.emulator.addChip(ntag213);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void firstRunOfNfcListAnswersAllNineteenFrames() {
        host.write(ScriptedHost.LIBNFC_WAKE_UP); // libnfc writes it and the SAMConfiguration frame as one burst
        host.transact("14 01", "15");
        host.transact("00 00 6C 69 62 6E 66 63", "01 00 6C 69 62 6E 66 63");
        host.transact("02", "03 32 01 06 07");
        host.transact("12 14", "13");
        host.transact("06 63 02 63 03 63 0D 63 38 63 3D", "07 00 00 00 00 00");
        host.transact("08 63 02 80 63 03 80", "09");
        host.transact("32 01 00", "33");
        host.transact("32 01 01", "33");
        host.transact("32 05 FF FF FF", "33");
        host.transact("06 63 02 63 03 63 05 63 38 63 3C 63 3D", "07 80 80 00 00 00 00");
        host.transact("08 63 05 40 63 3C 10", "09");
        listAndClose();
        assertEquals(19, host.emulator.counters().exchanges());
    }

    @Test
    void secondRunFindsTheRegistersItWroteAndTheTagAgain() {
        firstRunOfNfcListAnswersAllNineteenFrames();
        // pn532.md §6: the still-powered reader keeps its registers, so libnfc skips both WriteRegister frames.
        host.write(ScriptedHost.LIBNFC_WAKE_UP + ScriptedHost.commandFrame("14 01"));
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.responseFrame("15"));
        host.transact("00 00 6C 69 62 6E 66 63", "01 00 6C 69 62 6E 66 63");
        host.transact("02", "03 32 01 06 07");
        host.transact("12 14", "13");
        host.transact("06 63 02 63 03 63 0D 63 38 63 3D", "07 80 80 00 00 00");
        host.transact("32 01 00", "33");
        host.transact("32 01 01", "33");
        host.transact("32 05 FF FF FF", "33");
        host.transact("06 63 02 63 03 63 05 63 38 63 3C 63 3D", "07 80 80 40 00 10 00");
        listAndClose();
        assertEquals(19 + 17, host.emulator.counters().exchanges());
    }

    /** Listing (the tag, then nothing: it is halted), release, field off, PowerDown. */
    private void listAndClose() {
        host.transact("32 05 00 01 02", "33");
        host.transact("4A 01 00", "4B 01 01 00 44 00 07 04 11 22 33 44 55 66");
        host.transact("44 00", "45 00");
        host.transact("4A 01 00", "4B 00");
        host.transact("32 05 FF FF FF", "33");
        host.transact("52 00", "53 00");
        host.transact("32 01 00", "33");
        host.transact("16 F0", "17 00");
    }
}
