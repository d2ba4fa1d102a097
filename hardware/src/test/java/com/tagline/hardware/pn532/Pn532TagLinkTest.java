package com.tagline.hardware.pn532;

import static com.tagline.hardware.pn532.Hex.h;
import static com.tagline.hardware.pn532.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.ntag424.ChipVersion;
import com.tagline.hardware.ntag424.Ntag424;
import com.tagline.hardware.tag.TagLostException;
import com.tagline.hardware.tag.Target;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Pn532TagLinkTest {
    private static final PassiveTarget NTAG424 = new PassiveTarget(1,
            new Target(h("04968CAA5C5E80"), 0x0344, 0x20, h("067777710280")));
    private static final PassiveTarget NTAG213 = new PassiveTarget(1,
            new Target(h("04112233445566"), 0x0044, 0x00, null));
    private static final String CRC_OFF = "08 6302 00 6303 00";
    private static final String CRC_ON = "08 6302 80 6303 80";

    private static Pn532TagLink link(ScriptedPn532 chip, PassiveTarget target, int chunk) {
        Pn532Settings settings = Pn532Settings.defaults().withDataExchangeChunk(chunk).withTimeouts(
                Pn532Timeouts.uniform(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(5)));
        return new Pn532TagLink(new Pn532(chip.hostLink(), settings, d -> { }), target);
    }

    private static Pn532TagLink link(ScriptedPn532 chip, PassiveTarget target) {
        return link(chip, target, 252);
    }

    /**
     * Scripts one APDU exchange for target 1: DataOut in {@code chunk}-byte InDataExchange frames (MI
     * bit 0x40 on Tg for all but the last), DataIn in {@code parts}, MI set on all but the last.
     */
    private static ScriptedPn532 exchange(ScriptedPn532 chip, String apduHex, int chunk, String... parts) {
        byte[] apdu = h(apduHex);
        for (int off = 0; off < apdu.length || off == 0; off += chunk) {
            boolean more = off + chunk < apdu.length;
            String data = hex(Arrays.copyOfRange(apdu, off, Math.min(apdu.length, off + chunk)));
            chip.command("40 " + (more ? "41 " : "01 ") + data, more ? "41 00" : "41 " + (parts.length > 1 ? "40 " : "00 ") + parts[0]);
            if (apdu.length == 0) {
                break;
            }
        }
        for (int i = 1; i < parts.length; i++) {
            chip.command("40 01", "41 " + (i < parts.length - 1 ? "40 " : "00 ") + parts[i]);
        }
        return chip;
    }

    @Test
    void apduGoesThroughInDataExchange() {
        // pn532.md §3.3: with AutoRATS the PN532 does the ISO 14443-4 framing: 40 01 <APDU> → 41 00 <R-APDU>.
        ScriptedPn532 chip = new ScriptedPn532()
                .command(CRC_ON, "09")
                .command("40 01 00A4040C07D276000085010100", "41 00 9000").start();
        Pn532TagLink link = link(chip, NTAG424);
        assertEquals("9000", hex(link.transceive(h("00A4040C07D276000085010100"))));
        chip.assertDone();
        assertEquals(NTAG424.target(), link.target());
        assertEquals(1, link.tg());
    }

    @Test
    void longApduIsChainedWithTheMiBit() {
        // 300 bytes: 252 with MI (a 255-byte normal frame), then 48.
        String apdu = "90 8D 0000 FF".replace(" ", "") + "AB".repeat(295);
        ScriptedPn532 chip = exchange(new ScriptedPn532().command(CRC_ON, "09"), apdu, 252, "9100").start();
        assertEquals("9100", hex(link(chip, NTAG424).transceive(h(apdu))));
        chip.assertDone();
    }

    @Test
    void responseWithMiIsCompleted() {
        ScriptedPn532 chip = exchange(new ScriptedPn532().command(CRC_ON, "09"), "00B0000000", 252,
                "11".repeat(200), "22".repeat(56), "9000").start();
        byte[] answer = link(chip, NTAG424).transceive(h("00B0000000"));
        chip.assertDone();
        assertEquals("11".repeat(200) + "22".repeat(56) + "9000", hex(answer));
    }

    @Test
    void ntag424HostRunsUnchangedOverThePn532() {
        // The NTAG 424 DNA host's own APDUs, with 64-byte chunks so that chaining happens both ways.
        byte[] ndef = new byte[200];
        Arrays.fill(ndef, (byte) 0x5A);
        ScriptedPn532 chip = new ScriptedPn532().command(CRC_ON, "09");
        exchange(chip, "00A4040C07D276000085010100", 64, "9000");
        exchange(chip, "9060000000", 64, "0404023000110591AF");
        exchange(chip, "90AF000000", 64, "0404020100110591AF");
        exchange(chip, "90AF000000", 64, "04968CAA5C5E80CF39D449803521", "9100");
        exchange(chip, "00A4000C02E104", 64, "9000");
        exchange(chip, "00D60000C8" + hex(ndef), 64, "9000");
        exchange(chip, "00B0000000", 64, "5A".repeat(128), "5A".repeat(128) + "9000");
        chip.start();

        Ntag424 ntag = new Ntag424(link(chip, NTAG424, 64));
        ntag.isoSelectApplication();
        ChipVersion version = ntag.getVersion();
        ntag.isoSelectFile(Ntag424.FID_NDEF);
        ntag.isoUpdateBinary(0, ndef);
        byte[] read = ntag.isoReadBinary(0, 256);

        chip.assertDone();
        assertTrue(version.looksLikeNtag424(), version.toString());
        assertEquals("04968CAA5C5E80", hex(version.uid()));
        assertEquals(256, read.length);
    }

    @Test
    void type2GetVersionWithHostCrc() {
        // libnfc nfc-mfultralight trace (pn532.md §6): CRC off, 42 60 F8 32 → 43 00 <version> 80 91.
        ScriptedPn532 chip = new ScriptedPn532()
                .command(CRC_OFF, "09")
                .command("32 02 00 0B 07", "33")
                .command("42 60 F8 32", "43 00 00 04 04 02 01 00 0F 03 80 91")
                .start();
        byte[] version = link(chip, NTAG213).transceiveRaw(h("60"), Duration.ofMillis(5));
        chip.assertDone();
        assertEquals("0004040201000F03", hex(version));
    }

    @Test
    void type2AckAndNakComeBackAsOneByte() {
        // WRITE A2 04 + 4 bytes; answers are 4-bit ACK (A) and NAKs 0/1/4/5 (NTAG21x datasheet).
        byte[] write = h("A2 04 01020304");
        String frame = hex(CrcA.append(write));
        ScriptedPn532 chip = new ScriptedPn532()
                .command(CRC_OFF, "09")
                .command("32 02 00 0B 07", "33")
                .command("42 " + frame, "43 00 0A")
                .command("42 " + frame, "43 00 00")
                .command("42 " + frame, "43 00 01")
                .command("42 " + frame, "43 00 F5")
                .start();
        Pn532TagLink link = link(chip, NTAG213);
        assertArrayEquals(new byte[] {Pn532TagLink.TYPE2_ACK}, link.transceiveRaw(write, Duration.ofMillis(5)));
        assertArrayEquals(new byte[] {0x00}, link.transceiveRaw(write, Duration.ofMillis(5)));
        assertArrayEquals(new byte[] {0x01}, link.transceiveRaw(write, Duration.ofMillis(5)));
        assertArrayEquals(new byte[] {0x05}, link.transceiveRaw(write, Duration.ofMillis(5)));
        chip.assertDone();
    }

    @Test
    void type2ReadsAndWritesShareOneCommTimeout() {
        // READ (5 ms → index 07, 6.4 ms), WRITE (10 ms → 08, 12.8 ms), READ again: 08 covers it and is one step
        // longer, so no third RFConfiguration; an APDU's default 0A (51.2 ms) is more than a step: set again.
        byte[] write = h("A2 04 01020304");
        ScriptedPn532 chip = new ScriptedPn532()
                .command(CRC_OFF, "09")
                .command("32 02 00 0B 07", "33")
                .command("42 30 04 26 EE", "43 00 " + "00".repeat(16) + "37 49")
                .command("32 02 00 0B 08", "33")
                .command("42 " + hex(CrcA.append(write)), "43 00 0A")
                .command("42 30 04 26 EE", "43 00 " + "00".repeat(16) + "37 49")
                .start();
        Pn532TagLink link = link(chip, NTAG213);
        link.transceiveRaw(h("30 04"), Duration.ofMillis(5));
        link.transceiveRaw(write, Duration.ofMillis(10));
        link.transceiveRaw(h("30 04"), Duration.ofMillis(5));
        chip.assertDone();
    }

    @Test
    void type2CrcMismatchIsACrcError() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command(CRC_OFF, "09")
                .command("32 02 00 0B 0A", "33")
                .command("42 30 04 26 EE", "43 00 " + "00".repeat(16) + "0000")
                .start();
        Pn532StatusException e = assertThrows(Pn532StatusException.class,
                () -> link(chip, NTAG213).transceiveRaw(h("30 04"), Duration.ofMillis(50)));
        chip.assertDone();
        assertEquals(Pn532Status.CRC_ERROR, e.status());
    }

    @Test
    void switchingBetweenRawAndApduRestoresCrcAndCommTimeout() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command(CRC_OFF, "09")
                .command("32 02 00 0B 07", "33")
                .command("42 60 F8 32", "43 00 00 04 04 02 01 00 0F 03 80 91")
                .command("42 60 F8 32", "43 00 00 04 04 02 01 00 0F 03 80 91")
                .command(CRC_ON, "09")
                .command("32 02 00 0B 0A", "33")
                .command("40 01 30 04", "41 00 " + "00".repeat(16))
                .command(CRC_OFF, "09")
                .command("32 02 00 0B 07", "33")
                .command("42 60 F8 32", "43 01")
                .start();
        Pn532TagLink link = link(chip, NTAG213);
        link.transceiveRaw(h("60"), Duration.ofMillis(5));
        link.transceiveRaw(h("60"), Duration.ofMillis(5));
        assertEquals(16, link.transceive(h("30 04")).length);
        assertThrows(Pn532TagLostException.class, () -> link.transceiveRaw(h("60"), Duration.ofMillis(5)));
        chip.assertDone();
    }

    @Test
    void listingAfterRawExchangesSwitchesCrcBackOn() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command(CRC_OFF, "09")
                .command("32 02 00 0B 07", "33")
                .command("42 60 F8 32", "43 01")
                .command(CRC_ON, "09")
                .command("4A 01 00", "4B 00")
                .start();
        Pn532Settings settings = Pn532Settings.defaults().withTimeouts(
                Pn532Timeouts.uniform(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(5)));
        Pn532 pn532 = new Pn532(chip.hostLink(), settings, d -> { });
        Pn532TagLink link = new Pn532TagLink(pn532, NTAG213);
        assertThrows(TagLostException.class, () -> link.transceiveRaw(h("60"), Duration.ofMillis(5)));
        assertEquals(0, pn532.inListPassiveTarget(1, new byte[0]).size());
        chip.assertDone();
    }

    @ParameterizedTest
    @EnumSource(Pn532Status.class)
    void everyStatusByteIsATypedException(Pn532Status status) {
        // MI and NAD bits set on top of the error code must not hide it.
        String code = String.format("%02X", status.code() | 0xC0);
        ScriptedPn532 chip = new ScriptedPn532()
                .command(CRC_ON, "09")
                .command("40 01 9060000000", "41 " + code).start();
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> link(chip, NTAG424).transceive(h("9060000000")));
        chip.assertDone();
        if (status == Pn532Status.TIMEOUT || status == Pn532Status.CARD_DISAPPEARED) {
            Pn532TagLostException lost = assertInstanceOf(Pn532TagLostException.class, e);
            assertEquals(status, lost.status());
            assertEquals("InDataExchange", lost.command());
        } else {
            Pn532StatusException typed = assertInstanceOf(Pn532StatusException.class, e);
            assertEquals(status, typed.status());
            assertEquals(status.code(), typed.code());
            assertTrue(typed.getMessage().contains(status.meaning()), typed.getMessage());
        }
    }

    @Test
    void unknownStatusKeepsItsRawValue() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command(CRC_ON, "09")
                .command("40 01 9060000000", "41 3F").start();
        Pn532StatusException e = assertThrows(Pn532StatusException.class,
                () -> link(chip, NTAG424).transceive(h("9060000000")));
        chip.assertDone();
        assertNull(e.status());
        assertEquals(0x3F, e.code());
    }

    @Test
    void releaseAndDeselectUseTheTargetNumber() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command("44 01", "45 00")
                .command("52 01", "53 00")
                .start();
        Pn532TagLink link = link(chip, NTAG424);
        link.deselect();
        link.release();
        chip.assertDone();
    }

    @Test
    void crcAMatchesTheLibnfcTrace() {
        assertEquals("60F832", hex(CrcA.append(h("60"))));
        assertTrue(CrcA.check(h("0004040201000F038091")));
        assertTrue(!CrcA.check(h("0004040201000F038092")));
        assertTrue(!CrcA.check(h("8091")));
    }
}
