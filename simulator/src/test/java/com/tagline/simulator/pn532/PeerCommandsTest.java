package com.tagline.simulator.pn532;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 6: InJumpForDEP and TgInitAsTarget answer as a PN532 with no NFCIP-1 peer does (UM0701-02
 * §7.3.3, §7.3.14): the activation is retried as RFConfiguration item 05 says, then times out; target mode
 * waits for an initiator until the host aborts.
 */
class PeerCommandsTest {
    private static final Duration QUIET = Duration.ofMillis(150);
    /**
     * TgInitAsTarget as libnfc 1.8.0's nfc-emulate-forum-tag4 sends it (libnfc issue #167 trace): Mode 05,
     * SENS_RES 04 00, NFCID1t 00 B0 0B, SEL_RES 20, FeliCaParams and NFCID3t zero, no Gt, no Tk.
     */
    private static final String TG_INIT_AS_TARGET = "8C 05 04 00 00 B0 0B 20" + " 00".repeat(18 + 10) + " 00 00";

    private final ScriptedHost host = ScriptedHost.start();

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void inJumpForDepWithFiniteRetriesTimesOut() {
        host.transact("32 05 02 01 02", "33");
        host.transact("56 01 00 00", "57 01"); // active mode, 106 kbps
        host.transact("56 00 02 01 00 FF FF 00 0F", "57 01"); // passive 424 kbps with libnfc's initiator data
        host.emulator.addChip(new Type2TestChip("04112233445566")); // a type A card is no DEP peer
        host.transact("56 00 00 00", "57 01");
    }

    @Test
    void inJumpForDepWithInfiniteRetriesWaitsUntilTheHostAborts() {
        host.transact("32 05 FF 01 FF", "33"); // what libnfc's nfc_initiator_init sets
        host.send("56 00 01 01 00 FF FF 00 0F");
        host.expect(ScriptedHost.ACK);
        host.expectSilence(QUIET);
        host.write(ScriptedHost.ACK); // libnfc's timeout abort
        host.expectSilence(QUIET);
        host.transact("02", "03 32 01 06 07");
    }

    @Test
    void tgInitAsTargetWaitsForAnInitiatorUntilTheHostAborts() {
        host.send(TG_INIT_AS_TARGET);
        host.expect(ScriptedHost.ACK);
        host.expectSilence(QUIET);
        host.write(ScriptedHost.LIBNFC_WAKE_UP + ScriptedHost.ACK); // libnfc wakes the chip before its ACK
        host.expectSilence(QUIET);
        host.transact("02", "03 32 01 06 07");
        host.send(TG_INIT_AS_TARGET);
        host.expect(ScriptedHost.ACK);
        host.transact("02", "03 32 01 06 07"); // a new command ends the wait too
    }

    @Test
    void malformedPeerCommandsGetTheErrorFrame() {
        for (String pd : new String[] {"56", "56 02 00 00", "56 00 03 00", "56 01 00 01 00 00 00 00", "56 00 00 04",
            "8C", "8C 05 04 00"}) {
            host.send(pd);
            host.expect(ScriptedHost.ACK);
            host.expect(ScriptedHost.ERROR_FRAME);
        }
    }
}
