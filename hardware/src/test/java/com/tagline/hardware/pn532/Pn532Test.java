package com.tagline.hardware.pn532;

import static com.tagline.hardware.pn532.Hex.h;
import static com.tagline.hardware.pn532.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.serial.Sleeper;
import com.tagline.hardware.tag.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver's exact bytes per command, against libnfc traces (pn532.md §6) and nfcpy vectors (§7). */
class Pn532Test {
    /** libnfc 1.8.0 pn532_uart_wakeup: 55 55 + 14 × 00 (pn532.md §2). */
    static final String WAKE = "5555" + "00".repeat(14);
    static final String TAGLINE = "5461676C696E65";

    final List<Duration> sleeps = new ArrayList<>();
    final Sleeper sleeper = sleeps::add;

    static Pn532Settings settings() {
        return Pn532Settings.defaults().withTimeouts(
                Pn532Timeouts.uniform(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(5)));
    }

    /** The libnfc-like opening sequence of {@link Pn532#init()}. */
    static ScriptedPn532 expectInit(ScriptedPn532 chip) {
        return chip.expect(WAKE + "0000FF03FDD4140117" + "00", Hex.ACK, Hex.rsp("15"))
                .command("00 00" + TAGLINE, "01 00" + TAGLINE)
                .command("02", "03 32010607")
                .command("12 14", "13")
                .command("32 05 FF 01 02", "33")
                .command("32 04 00", "33")
                .command("08 6302 80 6303 80", "09");
    }

    @Test
    void initWakesConfiguresAndIdentifiesThePn532() {
        ScriptedPn532 chip = expectInit(new ScriptedPn532()).start();
        Pn532 pn532 = new Pn532(chip.hostLink(), settings(), sleeper);

        FirmwareVersion version = pn532.init();

        chip.assertDone();
        assertEquals(new FirmwareVersion(0x32, 1, 6, 7), version);
        assertTrue(version.isPn532() && version.supportsIso14443a());
        assertEquals("PN532 v1.6 (support 07)", version.toString());
        assertEquals(List.of(), sleeps, "no delays by default");
    }

    @Test
    void wakeDelaySplitsPreambleAndFrame() {
        ScriptedPn532 chip = new ScriptedPn532()
                .expect(WAKE + Hex.cmd("14 01"), Hex.ACK, Hex.rsp("15")).start();
        Pn532 pn532 = new Pn532(chip.hostLink(), settings().withWakeDelay(Duration.ofMillis(2)), sleeper);

        pn532.wakeUp();

        chip.assertDone();
        assertEquals(List.of(Duration.ofMillis(2)), sleeps);
    }

    @Test
    void initRaisesTheBaudRateAndCloseRestoresIt() {
        ScriptedPn532 chip = expectInit(new ScriptedPn532())
                .expect(Hex.cmd("10 06"), Hex.ACK, Hex.rsp("11"))
                .expect(Hex.ACK)
                .expect(Hex.cmd("10 04"), Hex.ACK, Hex.rsp("11"))
                .expect(Hex.ACK)
                .command("32 01 00", "33")
                .start();
        Pn532 pn532 = new Pn532(chip.hostLink(), settings().withSerialBaudRate(460_800), sleeper);

        pn532.init();
        assertEquals(460_800, pn532.serialBaudRate());
        assertEquals(460_800, chip.hostLink().baud());
        pn532.close();

        chip.assertDone();
        assertEquals(115_200, chip.hostLink().baud());
        assertEquals(List.of(Duration.ofMillis(1), Duration.ofMillis(1)), sleeps);
        assertTrue(chip.hostLink().isClosed());
    }

    @Test
    void unsupportedBaudRateIsRejectedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> settings().withSerialBaudRate(100_000));
    }

    @Test
    void closeSwitchesTheFieldOffWithoutPowerDown() {
        ScriptedPn532 chip = new ScriptedPn532().command("32 01 00", "33").start();
        new Pn532(chip.hostLink(), settings(), sleeper).close();
        chip.assertDone();
        assertTrue(chip.hostLink().isClosed());
    }

    @Test
    void initRefusesAnotherChip() {
        ScriptedPn532 chip = new ScriptedPn532()
                .expect(WAKE + Hex.cmd("14 01"), Hex.ACK, Hex.rsp("15"))
                .command("00 00" + TAGLINE, "01 00" + TAGLINE)
                .command("02", "03 33020707")
                .start();
        Pn532 pn532 = new Pn532(chip.hostLink(), settings(), sleeper);
        assertThrows(Pn532FrameException.class, pn532::init);
        chip.assertDone();
    }

    @Test
    void lineTestMustEchoExactly() {
        ScriptedPn532 chip = new ScriptedPn532().command("00 00 6C69626E6663", "01 00 6C69626E6664").start();
        Pn532 pn532 = new Pn532(chip.hostLink(), settings(), sleeper);
        assertThrows(Pn532FrameException.class, () -> pn532.communicationLineTest(h("6C69626E6663")));
        chip.assertDone();
    }

    @Test
    void diagnoseCardPresence() {
        ScriptedPn532 chip = new ScriptedPn532().command("00 06", "01 00").start();
        assertEquals("00", hex(new Pn532(chip.hostLink(), settings(), sleeper).diagnose(0x06, new byte[0])));
        chip.assertDone();
    }

    @Test
    void rfConfigurationItems() {
        // nfc-list -t 1 trace (pn532.md §6) and nfcpy's per-exchange timing (pn532.md §3.4).
        ScriptedPn532 chip = new ScriptedPn532()
                .command("32 01 01", "33")
                .command("32 01 00", "33")
                .command("32 02 00 0B 0A", "33")
                .command("32 04 FF", "33")
                .command("32 05 00 01 02", "33")
                .command("32 0A 59F43F114D85616F266287", "33")
                .start();
        Pn532 pn532 = new Pn532(chip.hostLink(), settings(), sleeper);
        pn532.rfField(true);
        pn532.rfField(false);
        pn532.rfTimings(0x0B, 0x0A);
        pn532.maxRetryCom(0xFF);
        pn532.maxRetries(0x00, 0x01, 0x02);
        pn532.rfConfiguration(0x0A, h("59F43F114D85616F266287"));
        chip.assertDone();
    }

    @Test
    void parametersSamAndRegisters() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command("12 14", "13")
                .command("14 01", "15")
                .command("06 6302 6303 630D 6338 633D", "07 80 80 00 00 00")
                .command("08 6305 40 633C 10", "09")
                .start();
        Pn532 pn532 = new Pn532(chip.hostLink(), settings(), sleeper);
        pn532.setParameters(Pn532Settings.PARAM_AUTO_ATR_RES | Pn532Settings.PARAM_AUTO_RATS);
        pn532.samConfiguration(0x01);
        assertEquals("8080000000", hex(pn532.readRegister(0x6302, 0x6303, 0x630D, 0x6338, 0x633D)));
        pn532.writeRegister(new RegisterWrite(0x6305, 0x40), new RegisterWrite(0x633C, 0x10));
        chip.assertDone();
    }

    @Test
    void inListPassiveTargetNtag213() {
        // pn532.md §3.1: decoded correctly by libnfc.
        ScriptedPn532 chip = new ScriptedPn532()
                .command("4A 01 00", "4B 01 01 00 44 00 07 04 11 22 33 44 55 66").start();
        List<PassiveTarget> targets = new Pn532(chip.hostLink(), settings(), sleeper)
                .inListPassiveTarget(1, new byte[0]);
        chip.assertDone();
        assertEquals(List.of(new PassiveTarget(1, new Target(h("04112233445566"), 0x0044, 0x00, null))), targets);
        assertTrue(!targets.get(0).target().isoDep());
    }

    @Test
    void inListPassiveTargetIsoDepWithAts() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command("4A 01 00", "4B 01 01 03 44 20 07 04968CAA5C5E80 06 77 77 71 02 80").start();
        PassiveTarget found = new Pn532(chip.hostLink(), settings(), sleeper)
                .inListPassiveTarget(1, new byte[0]).get(0);
        chip.assertDone();
        assertEquals(new Target(h("04968CAA5C5E80"), 0x0344, 0x20, h("067777710280")), found.target());
        assertTrue(found.target().isoDep());
    }

    @Test
    void inListPassiveTargetTwoTargetsAndSelectByUid() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command("4A 02 00", "4B 02 01 03 44 20 07 04968CAA5C5E80 06777771 0280 02 00 44 00 07 04112233445566")
                .command("4A 01 00 88 04 11 22 33 44 55 66", "4B 00")
                .start();
        Pn532 pn532 = new Pn532(chip.hostLink(), settings(), sleeper);
        List<PassiveTarget> two = pn532.inListPassiveTarget(2, new byte[0]);
        List<PassiveTarget> none = pn532.inListPassiveTarget(1, h("88 04 11 22 33 44 55 66"));
        chip.assertDone();
        assertEquals(2, two.size());
        assertEquals("067777710280", hex(two.get(0).target().ats()));
        assertEquals(2, two.get(1).tg());
        assertEquals("04112233445566", two.get(1).target().uidHex());
        assertEquals(List.of(), none);
    }

    @Test
    void truncatedTargetDataIsAFrameError() {
        ScriptedPn532 chip = new ScriptedPn532().command("4A 01 00", "4B 01 01 00 44 00 07 04 11").start();
        Pn532 pn532 = new Pn532(chip.hostLink(), settings(), sleeper);
        assertThrows(Pn532FrameException.class, () -> pn532.inListPassiveTarget(1, new byte[0]));
        chip.assertDone();
    }

    @Test
    void releaseAndDeselectCheckTheirStatus() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command("52 00", "53 00")
                .command("44 01", "45 00")
                .command("44 01", "45 27")
                .start();
        Pn532 pn532 = new Pn532(chip.hostLink(), settings(), sleeper);
        pn532.inRelease(0);
        pn532.inDeselect(1);
        Pn532StatusException e = assertThrows(Pn532StatusException.class, () -> pn532.inDeselect(1));
        chip.assertDone();
        assertEquals(Pn532Status.COMMAND_NOT_ACCEPTABLE, e.status());
        assertEquals("InDeselect", e.command());
    }

    @Test
    void commTimeoutIndexCoversTheRequestedTime() {
        // 100 µs · 2^(n−1) (pn532.md §3.4): 5 ms → n = 7 (6.4 ms); 51.2 ms → 0A; beyond 3.28 s → 16.
        assertEquals(1, Pn532Initiator.commTimeoutIndex(Duration.ofNanos(1)));
        assertEquals(7, Pn532Initiator.commTimeoutIndex(Duration.ofMillis(5)));
        assertEquals(0x0A, Pn532Initiator.commTimeoutIndex(Duration.ofMillis(51).plusNanos(200_000)));
        assertEquals(16, Pn532Initiator.commTimeoutIndex(Duration.ofSeconds(10)));
        assertEquals(Duration.ofMillis(102).plusNanos(400_000), Pn532Initiator.indexDuration(0x0B));
    }

    @Test
    void wakeUpBytesAreAsLibnfcSendsThem() {
        assertArrayEquals(h(WAKE), Pn532.WAKE_UP);
    }
}
