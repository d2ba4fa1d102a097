package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HSU frame level (UM0701-02 §6.2): ACK first, error frame, NACK, corrupt input, wake-up, baud rate. */
class FramingTest {
    private static final Duration QUIET = Duration.ofMillis(150);
    private static final String FIRMWARE = "03 32 01 06 07";

    private final ScriptedHost host = ScriptedHost.start();

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void getFirmwareVersionIsExactlyThePn532V16Answer() {
        host.write("00 00 FF 02 FE D4 02 2A 00");
        host.expect("00 00 FF 00 FF 00");
        host.expect("00 00 FF 06 FA D5 03 32 01 06 07 E8 00"); // pn532.md §1
    }

    @Test
    void unknownAndUnimplementedCommandsGetAckThenTheErrorFrame() {
        // FE: no such code; 56 InJumpForDEP and 8C TgInitAsTarget without their parameters (syntax errors);
        // 50 InATR: not emulated.
        for (String pd : new String[] {"FE", "56", "8C", "50 01 00"}) {
            host.send(pd);
            host.expect(ScriptedHost.ACK);
            host.expect(ScriptedHost.ERROR_FRAME);
        }
        host.transact("02", FIRMWARE);
    }

    @Test
    void malformedParametersGetTheErrorFrame() {
        for (String pd : new String[] {"06 63", "08 63 02", "14 05", "32 01", "32 05 00 01", "32 09 00", "10 09", "00"}) {
            host.send(pd);
            host.expect(ScriptedHost.ACK);
            host.expect(ScriptedHost.ERROR_FRAME);
        }
    }

    @Test
    void frameWithThePn532TfiIsAnApplicationError() {
        host.write("00 00 FF 02 FE D5 02 29 00");
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.ERROR_FRAME);
    }

    @Test
    void nackGetsTheSameResponseAgain() {
        host.transact("02", FIRMWARE);
        host.write(ScriptedHost.NACK);
        host.expect(ScriptedHost.responseFrame(FIRMWARE));
        host.write(ScriptedHost.NACK);
        host.expect(ScriptedHost.responseFrame(FIRMWARE));
    }

    @Test
    void nackBeforeAnyResponseIsIgnored() {
        host.write(ScriptedHost.NACK);
        host.expectSilence(QUIET);
    }

    @Test
    void corruptFramesGetNoAck() {
        host.write("00 00 FF 02 FE D4 02 2B 00"); // bad DCS
        host.expectSilence(QUIET);
        host.write("00 00 FF 02 FD D4 02 2A 00"); // bad LCS
        host.expectSilence(QUIET);
        host.transact("02", FIRMWARE);
        assertEquals(1, host.emulator.counters().exchanges());
    }

    @Test
    void preamblesWakeUpBytesAndNoiseBeforeAFrameAreSkipped() {
        host.write("55 55 00 00 00 13 37 FF 00 00 00" + ScriptedHost.commandFrame("02"));
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.responseFrame(FIRMWARE));
    }

    @Test
    void extendedFramesBothWaysForNfcpysLineTest() {
        StringBuilder ramp = new StringBuilder("00 00");
        for (int i = 0; i < 262; i++) {
            ramp.append(String.format(" %02X", i & 0xFF));
        }
        String sent = ramp.toString();
        assertTrue(ScriptedHost.commandFrame(sent).startsWith("0000FFFFFF"));
        host.transact(sent, "01" + sent.substring(2));
        assertTrue(ScriptedHost.responseFrame("01" + sent.substring(2)).startsWith("0000FFFFFF"));
    }

    @Test
    void shortExtendedFrameGetsANormalAnswer() {
        host.write("00 00 FF FF FF 00 02 FE D4 02 2A 00");
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.responseFrame(FIRMWARE));
    }

    @Test
    void powerDownSleepsUntilAWakeUpByte() {
        host.transact("16 F0", "17 00");
        host.send("02");
        host.expectSilence(QUIET);
        host.write(ScriptedHost.LIBNFC_WAKE_UP + ScriptedHost.commandFrame("14 01"));
        host.expect(ScriptedHost.ACK);
        host.expect(ScriptedHost.responseFrame("15"));
        host.transact("02", FIRMWARE);
    }

    @Test
    void setSerialBaudRateSwitchesAfterTheHostAcksTheResponse() {
        host.transact("10 06", "11");
        assertEquals(115_200, host.emulator.baud());
        host.write(ScriptedHost.ACK);
        host.transact("02", FIRMWARE);
        assertEquals(460_800, host.emulator.baud());
        assertEquals(460_800, host.emulatorLink.baud());
    }

    @Test
    void anotherCommandCancelsAPendingBaudRateChange() {
        host.transact("10 07", "11");
        host.transact("02", FIRMWARE);
        host.write(ScriptedHost.ACK);
        host.transact("02", FIRMWARE);
        assertEquals(115_200, host.emulator.baud());
    }

    @Test
    void hostAckAbortsASlowAnswer() {
        host.emulator.faults().responseDelay(Duration.ofSeconds(10));
        host.send("02");
        host.expect(ScriptedHost.ACK);
        host.write(ScriptedHost.ACK);
        host.expectSilence(QUIET);
        host.emulator.faults().responseDelay(Duration.ZERO);
        host.transact("02", FIRMWARE);
    }

    @Test
    void registersAndDiagnoseTests() {
        host.transact("08 63 05 40 FF 01 07", "09");
        host.transact("06 63 05 FF 01 63 06", "07 40 07 00");
        host.transact("00 01", "01 00");
        host.transact("00 06", "01 01"); // no target: card presence fails
        host.transact("04", "05 00 00 00 00");
    }

    @Test
    void emulatorEndsWhenTheLinkCloses() throws InterruptedException {
        host.transact("02", FIRMWARE);
        host.link.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (host.emulator.isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertFalse(host.emulator.isRunning());
        assertTrue(host.emulator.failure().isPresent());
    }
}
