package com.tagline.simulator.ntag424;

import static com.tagline.simulator.ntag424.TestHost.ZERO_KEY;
import static com.tagline.simulator.ntag424.TestHost.concat;
import static com.tagline.simulator.ntag424.TestHost.data;
import static com.tagline.simulator.ntag424.TestHost.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.FileSettings;
import com.tagline.hardware.ntag424.SdmSettings;
import com.tagline.hardware.ntag424.sdm.PiccData;
import com.tagline.hardware.ntag424.sdm.SdmCrypto;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Secure Dynamic Messaging read-out (DS §9.3; ntag424.md §8), checked in reverse with the host's
 * {@link SdmCrypto}: decrypt PICCData, recompute SDMMAC, decrypt SDMENCFileData.
 */
class SdmReadoutTest {
    private static final byte[] UID = hex("04C767F2066180");
    private static final byte[] FILE_READ_KEY = hex("5ACE7E50AB65D5D51FD5BF5A16B8205B");
    private static final byte[] META_READ_KEY = hex("0F1E2D3C4B5A69788796A5B4C3D2E1F0");
    private static final String SECRET = "SECRET-DATA-0123456789ABCDEFGHIJ"; // 32 bytes: first half of ENC

    /** {@code https://x.io/?p=<32>&e=<64>&c=<16>}: PICCData @16, ENC @51 (64), MAC @118, MAC input from 51. */
    private static final String TEMPLATE = "https://x.io/?p=" + "0".repeat(32) + "&e=" + SECRET + "0".repeat(32)
            + "&c=" + "0".repeat(16);
    private static final SdmSettings ENCRYPTED = new SdmSettings(true, true, false, true, 2, 1, 0xE,
            -1, -1, 16, 51, 51, 64, 118, -1);

    /** {@code u=<14>x<6>&c=<16>}: plain UID @2, counter @17, MAC @26 over bytes 2..25. */
    private static final String PLAIN_TEMPLATE = "u=" + "0".repeat(14) + "x" + "0".repeat(6) + "&c=" + "0".repeat(16);
    private static final SdmSettings PLAIN_MIRRORS = new SdmSettings(true, true, false, false, 0xE, 1, 0xF,
            2, 17, -1, 2, -1, -1, 26, -1);

    private final ScriptedRandom random = new ScriptedRandom();

    private SimulatedNtag424 chip(String template, SdmSettings sdm) {
        FileSettings settings = new FileSettings(CommMode.PLAIN, new AccessRights(0xE, 0x0, 0x0, 0x0), 256,
                Optional.of(sdm));
        return SimulatedNtag424.builder().uid(UID).random(random).key(1, FILE_READ_KEY, 1).key(2, META_READ_KEY, 1)
                .fileSettings(2, settings).fileContent(2, 0, template.getBytes(StandardCharsets.US_ASCII)).build();
    }

    private static String ascii(byte[] b, int from, int length) {
        return new String(b, from, length, StandardCharsets.US_ASCII);
    }

    private static byte[] readAll(TestHost host) {
        byte[] r = host.send("90AD0000070200000000000000");
        host.expect(0x9100, r);
        return data(r);
    }

    @Test
    void encryptedMirrorsDecryptAndVerifyWithSdmCrypto() {
        SimulatedNtag424 chip = chip(TEMPLATE, ENCRYPTED);
        TestHost host = new TestHost(chip);
        host.selectApplication();
        random.then("AABBCCDDEE");
        byte[] file = readAll(host);

        PiccData picc = SdmCrypto.decryptPiccData(META_READ_KEY, hex(ascii(file, 16, 32)));
        assertArrayEquals(UID, picc.uid());
        assertEquals(1, picc.readCounter());
        byte[] sesMac = SdmCrypto.sessionMacKey(FILE_READ_KEY, UID, 1);
        byte[] macInput = Arrays.copyOfRange(file, 51, 118); // ENC hex plus "&c=" (ntag424.md §8)
        assertEquals(hex(SdmCrypto.sdmMac(sesMac, macInput)), ascii(file, 118, 16));
        byte[] sesEnc = SdmCrypto.sessionEncKey(FILE_READ_KEY, UID, 1);
        byte[] plain = SdmCrypto.decryptFileData(sesEnc, 1, hex(ascii(file, 51, 64)));
        assertEquals(SECRET, new String(plain, StandardCharsets.US_ASCII));
        assertEquals("https://x.io/?p=", ascii(file, 0, 16));
        assertEquals(TEMPLATE, ascii(chip.fileData(2), 0, TEMPLATE.length()), "static content untouched");
    }

    @Test
    void counterIncrementsOncePerReadSequence() {
        SimulatedNtag424 chip = chip(TEMPLATE, ENCRYPTED);
        TestHost host = new TestHost(chip);
        host.selectApplication();
        random.then("0000000001");
        byte[] first = readAll(host);
        byte[] again = readAll(host); // same file, same command, nothing between: same counter and padding
        assertArrayEquals(first, again);
        assertEquals(1, chip.sdmReadCounter());

        host.selectFile(0xE104);
        random.then("0000000002");
        byte[] iso = data(host.send("00B0000000"));
        assertEquals(2, chip.sdmReadCounter());
        // Chunked ISO reads continue the sequence: together they equal one whole read.
        byte[] chunk1 = data(host.send("00B0000040"));
        byte[] chunk2 = data(host.send("00B0004040"));
        assertArrayEquals(Arrays.copyOf(iso, 128), concat(chunk1, chunk2));
        assertEquals(2, chip.sdmReadCounter());

        random.then("0000000003");
        readAll(host); // switching back to ReadData starts a new sequence
        assertEquals(3, chip.sdmReadCounter());
        host.send("90F5000001" + "02" + "00");
        random.then("0000000004");
        readAll(host); // another command in between
        assertEquals(4, chip.sdmReadCounter());
        assertEquals("0400000000" + "9100", hex(host.send("90F6000001" + "02" + "00"))); // CtrRet E: plain
        assertEquals(0, random.remaining());
    }

    @Test
    void authenticatedReadReturnsStaticBytesWithoutCounting() {
        SimulatedNtag424 chip = chip(TEMPLATE, ENCRYPTED);
        TestHost host = new TestHost(chip);
        host.selectApplication();
        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.authenticateFirst(0, ZERO_KEY, hex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"));
        byte[] r = host.exchange(0xAD, hex("02000000800000"), new byte[0], CommMode.PLAIN);
        host.expect(0x9100, r);
        assertEquals(TEMPLATE.substring(0, 128), ascii(data(r), 0, 128));
        assertEquals(0, chip.sdmReadCounter());
    }

    @Test
    void plainMirrorsCarryUidAndCounterInAsciiAndTheMacCoversThem() {
        SimulatedNtag424 chip = chip(PLAIN_TEMPLATE, PLAIN_MIRRORS);
        TestHost host = new TestHost(chip);
        host.selectApplication();
        byte[] file = readAll(host); // no PICCData encryption: no random draw
        assertEquals("u=04C767F2066180x000001&c=", ascii(file, 0, 26));
        byte[] sesMac = SdmCrypto.sessionMacKey(FILE_READ_KEY, UID, 1);
        assertEquals(hex(SdmCrypto.sdmMac(sesMac, Arrays.copyOfRange(file, 2, 26))), ascii(file, 26, 16));
    }

    @Test
    void changeFileSettingsValidatesTheSdmLayoutAndResetsTheCounter() {
        SimulatedNtag424 chip = SimulatedNtag424.builder().uid(UID).random(random).sdmReadCounter(41).build();
        TestHost host = new TestHost(chip);
        host.selectApplication();
        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.authenticateFirst(0, ZERO_KEY, hex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"));

        SdmSettings overlapping = new SdmSettings(true, true, false, false, 2, 1, 0xE, -1, -1, 16, 20, -1, -1, 40, -1);
        byte[] bad = new FileSettings(CommMode.PLAIN, new AccessRights(0xE, 0, 0, 0), 256, Optional.of(overlapping))
                .encodeForChange();
        host.expect(0x919E, host.exchange(0x5F, new byte[] {2}, bad, CommMode.FULL));
        assertFalse(chip.isAuthenticated());
        assertEquals(Optional.empty(), chip.fileSettings(2).sdm());

        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.authenticateFirst(0, ZERO_KEY, hex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"));
        byte[] onFile3 = new FileSettings(CommMode.FULL, new AccessRights(2, 3, 3, 0), 128, Optional.of(ENCRYPTED))
                .encodeForChange();
        host.expect(0x919D, host.exchange(0x5F, new byte[] {3}, onFile3, CommMode.FULL));

        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.authenticateFirst(0, ZERO_KEY, hex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"));
        host.expect(0x917E, host.exchange(0x5F, new byte[] {2}, hex("40E0"), CommMode.FULL));

        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.authenticateFirst(0, ZERO_KEY, hex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"));
        host.expect(0x919E, host.exchange(0x5F, new byte[] {2}, hex("0000E5"), CommMode.FULL)); // key 5

        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.authenticateFirst(0, ZERO_KEY, hex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"));
        byte[] good = new FileSettings(CommMode.PLAIN, new AccessRights(0xE, 0, 0, 0), 256, Optional.of(ENCRYPTED))
                .encodeForChange();
        assertEquals(41, chip.sdmReadCounter());
        host.call(0x5F, new byte[] {2}, good, CommMode.FULL);
        assertEquals(0, chip.sdmReadCounter(), "enabling SDM resets SDMReadCtr (DS §9.3.1)");
        assertEquals(Optional.of(ENCRYPTED), chip.fileSettings(2).sdm());
    }

    @Test
    void getFileCountersWithAKeyNeedsThatKeyAndAnswersInFullMode() {
        SdmSettings ctrRetKey3 = new SdmSettings(true, true, false, false, 0xE, 1, 3, 2, 17, -1, 2, -1, -1, 26, -1);
        SimulatedNtag424 chip = chip(PLAIN_TEMPLATE, ctrRetKey3);
        TestHost host = new TestHost(chip);
        host.selectApplication();
        readAll(host);
        host.expect(0x91AE, host.send("90F6000001" + "02" + "00"));
        host.expect(0x919D, host.send("90F6000001" + "03" + "00")); // no SDM on file 03
        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.authenticateFirst(3, ZERO_KEY, hex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"));
        assertEquals("0100000000", hex(host.call(0xF6, new byte[] {2}, new byte[0], CommMode.FULL)));
    }

    @Test
    void readCounterLimitAndOverflowRefuseUnauthenticatedReads() {
        SdmSettings limited = new SdmSettings(true, true, true, false, 0xE, 1, 0xF, 2, 17, -1, 2, -1, -1, 26, 2);
        SimulatedNtag424 chip = chip(PLAIN_TEMPLATE, limited);
        TestHost host = new TestHost(chip);
        host.selectApplication();
        readAll(host);
        host.send("9060000000");
        host.send("90AF000000");
        host.send("90AF000000");
        readAll(host);
        assertEquals(2, chip.sdmReadCounter());
        host.selectFile(0xE104);
        host.expect(0x6982, host.send("00B0000000"));
        host.selectApplication();
        host.expect(0x919D, host.send("90AD0000070200000000000000"));

        FileSettings unlimited = new FileSettings(CommMode.PLAIN, new AccessRights(0xE, 0, 0, 0), 256,
                Optional.of(PLAIN_MIRRORS));
        SimulatedNtag424 exhausted = SimulatedNtag424.builder().uid(UID).fileSettings(2, unlimited)
                .sdmReadCounter(0xFFFFFF).build();
        TestHost other = new TestHost(exhausted);
        other.selectApplication();
        other.expect(0x911E, other.send("90AD0000070200000000000000")); // DS Table 80: SDMReadCtr overflow
        other.selectFile(0xE104);
        other.expect(0x6982, other.send("00B0000000"));
    }
}
