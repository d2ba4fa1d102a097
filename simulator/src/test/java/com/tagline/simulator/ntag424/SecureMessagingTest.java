package com.tagline.simulator.ntag424;

import static com.tagline.simulator.ntag424.TestHost.ZERO_KEY;
import static com.tagline.simulator.ntag424.TestHost.concat;
import static com.tagline.simulator.ntag424.TestHost.data;
import static com.tagline.simulator.ntag424.TestHost.hex;
import static com.tagline.simulator.ntag424.TestHost.nativeApdu;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.Aes;
import com.tagline.hardware.crypto.Crc32Nk;
import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.Ev2SessionKeys;
import com.tagline.hardware.ntag424.FileSettings;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Error semantics of EV2 secure messaging (DS §9.1; ntag424.md §2.2, §3, §14). */
class SecureMessagingTest {
    private static final byte[] RND_A = hex("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF");
    private static final byte[] KEY_1 = hex("11111111111111111111111111111111");

    private final ScriptedRandom random = new ScriptedRandom();
    private final SimulatedNtag424 chip = SimulatedNtag424.builder().uid(hex("04010203040506")).random(random)
            .key(1, KEY_1, 1).build();
    private final TestHost host = new TestHost(chip);

    private void authenticate(int keyNo, byte[] key) {
        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.authenticateFirst(keyNo, key, RND_A);
    }

    private void nonFirstChallenge() {
        random.then("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
    }

    @Test
    void wrongKeyInPartTwoIsAuthenticationErrorAndCounted() {
        host.selectApplication();
        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.expect(0x91AF, host.send("9071000002010000"));
        byte[] wrong = Aes.cbcEncryptZeroIv(ZERO_KEY, new byte[32]); // the host believes key 1 is zero
        host.expect(0x91AE, host.send(nativeApdu(0xAF, wrong)));
        assertFalse(chip.isAuthenticated());
        assertEquals(1, chip.totFailCtr(1));
        assertEquals(0, chip.totFailCtr(0));
    }

    @Test
    void badMacIsIntegrityErrorWithoutMacAndEndsTheSession() {
        host.selectApplication();
        authenticate(0, ZERO_KEY);
        byte[] field = host.protect(0x64, new byte[] {0}, new byte[0], CommMode.MAC);
        field[field.length - 1] ^= 0x01;
        assertEquals("911E", hex(host.send(nativeApdu(0x64, field))), "bare status word, no MAC");
        assertFalse(chip.isAuthenticated());
        host.expect(0x91AE, host.send(nativeApdu(0x51, new byte[8])));
    }

    @Test
    void badPaddingIsIntegrityError() {
        host.selectApplication();
        authenticate(3, ZERO_KEY);
        // WriteData file 03 (Full) whose encrypted block carries no 80 00.. padding.
        byte[] header = hex("03000000100000");
        byte[] body = host.sessionKeys().encrypt(host.sessionKeys().commandIv(host.ti(), 0), hex("11".repeat(16)));
        byte[] mac = host.sessionKeys().commandMac(0x8D, 0, host.ti(), header, body);
        host.expect(0x911E, host.send(nativeApdu(0x8D, concat(header, body, mac))));
        assertFalse(chip.isAuthenticated());
        assertArrayEquals(new byte[16], Arrays.copyOf(chip.fileData(3), 16));
    }

    @Test
    void anyErrorWhileAuthenticatedEndsTheSessionAndIsSentWithoutMac() {
        host.selectApplication();
        authenticate(0, ZERO_KEY);
        byte[] r = host.exchange(0xF5, new byte[] {9}, new byte[0], CommMode.MAC);
        assertEquals("91F0", hex(r));
        assertFalse(chip.isAuthenticated());
    }

    @Test
    void isoFileIoIsRefusedWhileAuthenticated() {
        host.selectApplication();
        host.selectFile(0xE104);
        authenticate(0, ZERO_KEY);
        host.expect(0x6982, host.send("00D6000002AABB"));
        assertFalse(chip.isAuthenticated());
        assertArrayEquals(new byte[2], Arrays.copyOf(chip.fileData(2), 2));
        authenticate(0, ZERO_KEY);
        host.expect(0x6982, host.send("00B0000010"));
    }

    @Test
    void commandCounterCountsPlainCommandsToo() {
        host.selectApplication();
        authenticate(0, ZERO_KEY);
        // ReadData of file 02 runs in plain (Read = E) but still advances CmdCtr (DS §9.1.8).
        byte[] r = host.exchange(0xAD, hex("02000000040000"), new byte[0], CommMode.PLAIN);
        assertEquals("000000009100", hex(r));
        assertEquals(1, chip.commandCounter().getAsInt());
        assertEquals("00", hex(host.call(0x64, new byte[] {0}, new byte[0], CommMode.MAC)));
    }

    @Test
    void fileCommModeAppliesWhenTheAuthenticatedKeyHoldsTheRight() {
        host.selectApplication();
        host.expect(0x91AE, host.send("90AD0000070300000004000000"));
        host.expect(0x91AE, host.send("908D00000B03000000040000AABBCCDD00"));
        authenticate(3, ZERO_KEY);
        host.call(0x8D, hex("03000000040000"), hex("AABBCCDD"), CommMode.FULL);
        host.call(0x8D, hex("037C0000040000"), hex("01020304"), CommMode.FULL); // the last 4 bytes of 128
        assertEquals("AABBCCDD", hex(host.call(0xAD, hex("03000000040000"), new byte[0], CommMode.FULL)));
        assertEquals(128, host.call(0xAD, hex("03000000000000"), new byte[0], CommMode.FULL).length);
        host.expect(0x91BE, host.exchange(0x8D, hex("037E0000040000"), hex("01020304"), CommMode.FULL));
        assertFalse(chip.isAuthenticated());
    }

    @Test
    void changeKeyOfTheAuthenticatedKeyEndsTheSessionWithBareOk() {
        host.selectApplication();
        authenticate(0, ZERO_KEY);
        byte[] newKey = hex("000102030405060708090A0B0C0D0E0F");
        byte[] r = host.exchange(0xC4, new byte[] {0}, concat(newKey, new byte[] {0x07}), CommMode.FULL);
        assertEquals("9100", hex(r));
        assertFalse(chip.isAuthenticated());
        assertEquals(7, chip.keyVersion(0));
        host.expect(0x91AE, host.send(nativeApdu(0x51, new byte[8])));
        authenticate(0, newKey);
        assertTrue(chip.isAuthenticated());
    }

    @Test
    void changeKeyOfAnotherKeyChecksCrcOverTheRecoveredKey() {
        host.selectApplication();
        authenticate(0, ZERO_KEY);
        byte[] newKey = hex("22222222222222222222222222222222");
        byte[] xorWithWrongOld = xor(newKey, ZERO_KEY); // key 1 is KEY_1, not zero
        byte[] bad = concat(xorWithWrongOld, new byte[] {2}, Crc32Nk.of(newKey));
        host.expect(0x911E, host.exchange(0xC4, new byte[] {1}, bad, CommMode.FULL));
        assertFalse(chip.isAuthenticated());
        assertEquals(1, chip.keyVersion(1));

        authenticate(0, ZERO_KEY);
        byte[] good = concat(xor(newKey, KEY_1), new byte[] {2}, Crc32Nk.of(newKey));
        host.call(0xC4, new byte[] {1}, good, CommMode.FULL);
        assertTrue(chip.isAuthenticated());
        assertEquals(2, chip.keyVersion(1));
        authenticate(1, newKey);
    }

    @Test
    void changeKeyNeedsKeyZero() {
        host.selectApplication();
        host.expect(0x91AE, host.send(nativeApdu(0xC4, new byte[41])));
        authenticate(1, KEY_1);
        byte[] data = concat(new byte[16], new byte[] {1}, Crc32Nk.of(new byte[16]));
        host.expect(0x91AE, host.exchange(0xC4, new byte[] {2}, data, CommMode.FULL));
    }

    @Test
    void anotherCommandAfterPartOneAbortsTheAuthentication() {
        host.selectApplication();
        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.expect(0x91AF, host.send("9071000002000000"));
        host.expect(0x91CA, host.send("9064000001" + "00" + "00"));
        host.expect(0x911C, host.send(nativeApdu(0xAF, new byte[32])));
        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.expect(0x91AF, host.send("9071000002000000"));
        host.expect(0x6985, host.send("00B0000010"));
        assertFalse(chip.isAuthenticated());
    }

    @Test
    void getVersionIsAbortedByAnotherCommand() {
        host.expect(0x91AF, host.send("9060000000"));
        host.expect(0x91CA, host.send("903C0000010000"));
        host.expect(0x911C, host.send("90AF000000"));
    }

    @Test
    void nonFirstNeedsAuthenticationAndKeepsTransaction() {
        host.selectApplication();
        host.expect(0x919D, host.send("90770000010000"));
        authenticate(0, ZERO_KEY);
        host.call(0x64, new byte[] {0}, new byte[0], CommMode.MAC);
        byte[] ti = host.ti();
        nonFirstChallenge();
        host.authenticateNonFirst(1, KEY_1, RND_A);
        assertEquals(1, chip.authenticatedKey().getAsInt());
        assertEquals(1, chip.commandCounter().getAsInt());
        assertArrayEquals(ti, host.ti());
        assertEquals("01", hex(host.call(0x64, new byte[] {1}, new byte[0], CommMode.MAC)));

        nonFirstChallenge();
        host.expect(0x91AF, host.send("90770000010000"));
        assertFalse(chip.isAuthenticated(), "suspended until part 2");
        host.expect(0x91CA, host.send("9060000000"));
        assertFalse(chip.isAuthenticated());
    }

    @Test
    void authenticateFirstAcceptsPcdCapabilitiesAndEchoesThem() {
        host.selectApplication();
        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        byte[] r1 = host.send("9071000005" + "00" + "03" + "000000" + "00"); // boltcard form, LenCap 03
        host.expect(0x91AF, r1);
        byte[] rndB = Aes.cbcDecryptZeroIv(ZERO_KEY, data(r1));
        byte[] c2 = Aes.cbcEncryptZeroIv(ZERO_KEY, concat(RND_A, Ev2SessionKeys.rotateLeft(rndB)));
        byte[] r2 = host.send(nativeApdu(0xAF, c2));
        host.expect(0x9100, r2);
        byte[] plain = Aes.cbcDecryptZeroIv(ZERO_KEY, data(r2));
        assertEquals("C0C1C2C3", hex(Arrays.copyOf(plain, 4)));
        assertEquals("000000000000" + "000000000000", hex(Arrays.copyOfRange(plain, 20, 32)));
        host.expect(0x917E, host.send("9071000004" + "00" + "03" + "0000" + "00"));
        host.expect(0x9140, host.send("9071000002050000"));
        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        host.expect(0x91AF, host.send("9071000002000000"));
        host.expect(0x917E, host.send("90AF000010" + "00".repeat(16) + "00"));
    }

    @Test
    void exhaustedCommandCounterIsHandledLikeAWrongMac() {
        host.selectApplication();
        authenticate(0, ZERO_KEY);
        byte[] plainRead = hex("90AD00000702000000010000" + "00");
        for (int i = 0; i < 0xFFFF; i++) {
            chip.process(plainRead); // CommMode.Plain, still counted (DS §9.1.2)
        }
        assertEquals(0xFFFF, chip.commandCounter().getAsInt());
        host.expect(0x911E, host.send(plainRead));
        assertFalse(chip.isAuthenticated());
    }

    @Test
    void readDataAnswerMustFitShortLeIncludingSecureMessaging() {
        FileSettings fullNdef = new FileSettings(CommMode.FULL, new AccessRights(0x0, 0x0, 0x0, 0x0), 256,
                Optional.empty());
        SimulatedNtag424 c = SimulatedNtag424.builder().uid(hex("04010203040507")).random(random)
                .fileSettings(2, fullNdef).build();
        TestHost h = new TestHost(c);
        h.selectApplication();
        random.then("B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF").then("C0C1C2C3");
        h.authenticateFirst(0, ZERO_KEY, RND_A);
        assertEquals(232, h.call(0xAD, hex("02000000E80000"), new byte[0], CommMode.FULL).length);
        h.expect(0x917E, h.exchange(0xAD, hex("02000000000000"), new byte[0], CommMode.FULL));
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
