package com.tagline.simulator.pn532;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 items 3 and 4: no host can leave the emulator deaf to the next one. A new command frame aborts a
 * command that waits (UM0701-02 p. 38: the PN532 aborts any command in progress when a new one arrives), and
 * a partial frame followed by silence is dropped before the next host's bytes.
 */
class NoWedgeTest {
    private static final String TYPE2_TARGET = "00 44 00 07 04112233445566";
    /** Longer than {@link HsuPort#INTER_BYTE_TIMEOUT}: a host that starts after this pause must be heard. */
    private static final Duration PAUSE = HsuPort.INTER_BYTE_TIMEOUT.multipliedBy(5);

    private final ScriptedHost host = ScriptedHost.start();
    private final Type2TestChip type2 = new Type2TestChip("04112233445566");

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void reselectingAHaltedChipForeverIsAbortedByTheNextCommand() {
        host.emulator.addChip(type2);
        host.transact("32 05 00 01 02", "33");
        host.transact("4A 01 00", "4B 01 01 " + TYPE2_TARGET);
        host.transact("44 00", "45 00"); // HLTA: the chip now answers only WUPA
        host.transact("32 05 FF FF FF", "33");
        host.send("4A 01 00 88 04 11 22 33 44 55 66"); // REQA finds no IDLE chip, retried forever
        host.expect(ScriptedHost.ACK);
        host.expectSilence(PAUSE);

        host.transact("02", "03 32 01 06 07"); // the listing ends without a response; the new command runs
        host.transact("32 01 00", "33");
        host.transact("4A 01 00", "4B 01 01 " + TYPE2_TARGET); // the field reset woke the chip
    }

    @Test
    void aNewHostsWakeUpAndFrameAbortAnEndlessPoll() {
        host.send("60 FF 01 10"); // InAutoPoll forever, nothing in the field
        host.expect(ScriptedHost.ACK);
        host.expectSilence(PAUSE);
        host.write(ScriptedHost.LIBNFC_WAKE_UP + ScriptedHost.commandFrame("14 01"));
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.responseFrame("15"));
    }

    @Test
    void aPartialFrameIsDroppedWhenTheLineFallsSilent() {
        // Issue 16 item 4: "00 FF FF 01" reads as a normal frame header with LEN FF, LCS 01.
        host.write("55 55 00 00 00 00 00 00 FF FF 01 D4");
        host.expectSilence(PAUSE); // the host that wrote it died; the next one starts after a pause
        host.write(ScriptedHost.LIBNFC_WAKE_UP + ScriptedHost.commandFrame("14 01"));
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.responseFrame("15"));
        host.transact("02", "03 32 01 06 07");
    }

    @Test
    void aFrameSplitAcrossWritesWithoutAPauseStillCounts() {
        String frame = ScriptedHost.commandFrame("02");
        host.write(frame.substring(0, 8));
        host.write(frame.substring(8));
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.responseFrame("03 32 01 06 07"));
    }
}
