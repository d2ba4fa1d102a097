package com.tagline.hardware.ntag424.sdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tagline.hardware.crypto.Aes;
import com.tagline.hardware.crypto.AesCmac;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SDM / SUN cryptography (ntag424.md §8). */
class SdmCryptoTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] ZERO = new byte[16];

    // AN12196 rev 2.0 §3.3 Table 1 SDM key example (johnnyb SdmTest.java testSDMAESKeyGeneration;
    // Amperstrand/ntag424-vectors).
    private static final byte[] T1_KF = hex("5ACE7E50AB65D5D51FD5BF5A16B8205B");
    private static final byte[] T1_UID = hex("04C767F2066180");

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static void assertHex(String expected, byte[] actual) {
        assertEquals(expected.toUpperCase(), HEX.formatHex(actual));
    }

    @Test
    void table1SessionKeys() {
        // AN12196 rev 2.0 §3.3 Table 1: K_f 5ACE7E50AB65D5D51FD5BF5A16B8205B, UID 04C767F2066180, ctr 1.
        assertHex("66DA61797E23DECA5D8ECA13BBADF7A9", SdmCrypto.sessionEncKey(T1_KF, T1_UID, 1));
        assertHex("3A3E8110E05311F7A3FCF0D969BF2B48", SdmCrypto.sessionMacKey(T1_KF, T1_UID, 1));
        // Same table: SV1 C33C0001008004C767F2066180010000, SV2 3CC30001008004C767F2066180010000.
        assertHex("66DA61797E23DECA5D8ECA13BBADF7A9", AesCmac.cmac(T1_KF, hex("C33C0001008004C767F2066180010000")));
        assertHex("3A3E8110E05311F7A3FCF0D969BF2B48", AesCmac.cmac(T1_KF, hex("3CC30001008004C767F2066180010000")));
    }

    @Test
    void counterIsLsbFirst() {
        // ntag424.md §8: value 1 → SV bytes 010000; AN12196 SUN URL ctr 61 → 3D0000.
        assertHex("010000", SdmCrypto.ctrLe(1));
        assertHex("3D0000", SdmCrypto.ctrLe(61));
        assertHex("563412", SdmCrypto.ctrLe(0x123456));
    }

    @Test
    void sunUrlPiccDataDecryption() {
        // AN12196 rev 1.8 §4.4.2.1 + Table 3 (rev 2.0 T2), nfc-developer/sdm-backend tests/test_libsdm.py test_sun1:
        // e=EF963FF7828658A599F3041510671E88 with K_meta = 00×16 → C704DE5F1EACC0403D0000DA5CF60941.
        byte[] picc = hex("EF963FF7828658A599F3041510671E88");
        assertHex("C704DE5F1EACC0403D0000DA5CF60941", Aes.cbcDecryptZeroIv(ZERO, picc));
        PiccData d = SdmCrypto.decryptPiccData(ZERO, picc);
        assertHex("04DE5F1EACC040", d.uid());
        assertEquals(61, d.readCounter());
        assertEquals(0x3D, d.readCounter());
    }

    @Test
    void sunUrlSessionMacKeyAndEmptyInputMac() {
        // AN12196 rev 1.8 §4.4.4.2.1 Table 5 (rev 2.0 T4), nfc-developer/sdm-backend tests/test_libsdm.py test_sun1:
        // SV2 3CC30001008004DE5F1EACC0403D0000 → KSesSDMFileReadMAC 3FB5F6E3A807A03D5E3570ACE393776F,
        // MAC over empty input = 94EED9EE65337086.
        byte[] uid = hex("04DE5F1EACC040");
        byte[] sesMac = SdmCrypto.sessionMacKey(ZERO, uid, 61);
        assertHex("3FB5F6E3A807A03D5E3570ACE393776F", sesMac);
        assertHex("3FB5F6E3A807A03D5E3570ACE393776F", AesCmac.cmac(ZERO, hex("3CC30001008004DE5F1EACC0403D0000")));
        assertHex("94EED9EE65337086", SdmCrypto.sdmMac(sesMac, new byte[0]));
    }

    @Test
    void encryptPiccDataReproducesTheSunUrl() {
        // AN12196 rev 1.8 §4.4.2.1 + Table 3: the plaintext's random pad is DA5CF60941.
        byte[] e = SdmCrypto.encryptPiccData(ZERO, hex("04DE5F1EACC040"), 61, hex("DA5CF60941"));
        assertHex("EF963FF7828658A599F3041510671E88", e);
    }

    @Test
    void encryptPiccDataRoundTrips() {
        byte[] key = hex("000102030405060708090A0B0C0D0E0F");
        byte[] pad = hex("A1A2A3A4A5A6A7A8A9AAABACADAEAFB0");
        byte[] uid = hex("04C767F2066180");

        PiccData both = SdmCrypto.decryptPiccData(key, SdmCrypto.encryptPiccData(key, uid, 0xABCDEF, pad));
        assertArrayEquals(uid, both.uid());
        assertEquals(0xABCDEF, both.readCounter());
        assertHex("C704C767F2066180EFCDAB" + "A1A2A3A4A5",
                Aes.cbcDecryptZeroIv(key, SdmCrypto.encryptPiccData(key, uid, 0xABCDEF, pad)));

        PiccData uidOnly = SdmCrypto.decryptPiccData(key, SdmCrypto.encryptPiccData(key, uid, null, pad));
        assertArrayEquals(uid, uidOnly.uid());
        assertNull(uidOnly.readCounter());

        PiccData ctrOnly = SdmCrypto.decryptPiccData(key, SdmCrypto.encryptPiccData(key, null, 7, pad));
        assertNull(ctrOnly.uid());
        assertEquals(7, ctrOnly.readCounter());
    }

    @Test
    void decryptPiccDataRejectsWrongKeyAndLength() {
        // AN12196 SUN URL PICCData with a wrong meta-read key: the tag byte is not valid.
        byte[] picc = hex("EF963FF7828658A599F3041510671E88");
        assertThrows(IllegalArgumentException.class,
                () -> SdmCrypto.decryptPiccData(hex("00112233445566778899AABBCCDDEEFF"), picc));
        assertThrows(IllegalArgumentException.class,
                () -> SdmCrypto.decryptPiccData(ZERO, Arrays.copyOf(picc, 15)));
        assertThrows(IllegalArgumentException.class,
                () -> SdmCrypto.decryptPiccData(ZERO, Arrays.copyOf(picc, 32)));
    }

    @Test
    void fileDataRoundTrips() {
        // Session ENC key of AN12196 rev 2.0 §3.3 Table 1.
        byte[] sesEnc = SdmCrypto.sessionEncKey(T1_KF, T1_UID, 1);
        byte[] plain = new byte[32];
        new Random(424).nextBytes(plain);
        byte[] cipher = SdmCrypto.encryptFileData(sesEnc, 1, plain);
        assertEquals(32, cipher.length);
        assertFalse(Arrays.equals(plain, cipher));
        assertArrayEquals(plain, SdmCrypto.decryptFileData(sesEnc, 1, cipher));
        // The IV depends on the counter: IV = E(KSesSDMFileReadENC, Ctr(LE) ‖ 00×13) (ntag424.md §8).
        assertFalse(Arrays.equals(cipher, SdmCrypto.encryptFileData(sesEnc, 2, plain)));
        byte[] iv = Aes.encryptBlock(sesEnc, hex("01000000000000000000000000000000"));
        assertArrayEquals(Aes.cbcEncrypt(sesEnc, iv, plain), cipher);
        assertThrows(IllegalArgumentException.class, () -> SdmCrypto.encryptFileData(sesEnc, 1, new byte[15]));
    }

    @Test
    void fileDataDecryptsThePublishedEncExample() {
        // AN12196 page 18 URL as in nfc-developer/sdm-backend tests/test_libsdm.py test_sun2 (the vector of
        // SunVerifierTest; not listed in ntag424.md): picc_data FD91EC264309878BE6345CBE53BADF40,
        // enc CEE9A53E3E463EF1F459635736738962, cmac ECC1E7F6C6C73BF6, zero keys → UID 04958CAA5C5E80, ctr 8,
        // file data "xxxxxxxxxxxxxxxx".
        PiccData d = SdmCrypto.decryptPiccData(ZERO, hex("FD91EC264309878BE6345CBE53BADF40"));
        assertHex("04958CAA5C5E80", d.uid());
        assertEquals(8, d.readCounter());
        byte[] sesEnc = SdmCrypto.sessionEncKey(ZERO, d.uid(), 8);
        byte[] plain = SdmCrypto.decryptFileData(sesEnc, 8, hex("CEE9A53E3E463EF1F459635736738962"));
        assertEquals("xxxxxxxxxxxxxxxx", new String(plain, StandardCharsets.US_ASCII));
        byte[] sesMac = SdmCrypto.sessionMacKey(ZERO, d.uid(), 8);
        byte[] macInput = "CEE9A53E3E463EF1F459635736738962&cmac=".getBytes(StandardCharsets.US_ASCII);
        assertHex("ECC1E7F6C6C73BF6", SdmCrypto.sdmMac(sesMac, macInput));
    }

    @Test
    void sessionMacKeyWithoutMirrorsPadsTheSv() {
        // ntag424.md §8: SV2 = 3C C3 00 01 00 80 [‖ UID] [‖ Ctr(LE)] ‖ 00-pad to 16.
        assertArrayEquals(AesCmac.cmac(T1_KF, hex("3CC30001008004C767F2066180000000")),
                SdmCrypto.sessionMacKey(T1_KF, T1_UID, null));
        assertArrayEquals(AesCmac.cmac(T1_KF, hex("3CC30001008001000000000000000000")),
                SdmCrypto.sessionMacKey(T1_KF, null, 1));
    }
}
