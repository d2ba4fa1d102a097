package com.tagline.hardware.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** AN10922 AES-128 key diversification (ntag424.md §10). */
class An10922DiversifierTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] K = hex("00112233445566778899AABBCCDDEEFF");
    private static final String UID = "04782E21801D80";
    private static final String AID = "3042F5";
    private static final String SYSTEM_ID = "4E585020416275"; // "NXP Abu"

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static byte[] prefixed01(byte[] m) {
        byte[] d = new byte[m.length + 1];
        d[0] = 0x01;
        System.arraycopy(m, 0, d, 1, m.length);
        return d;
    }

    @Test
    void an10922Section221Vector() {
        // AN10922 §2.2.1 (libfreefare test/test_mifare_key_deriver_an10922.c "AN10922 §2.2.1"; johnnyb KeyInfoTest):
        // M = UID ‖ AID ‖ SystemIdentifier → A8DD63A3B89D54B37CA802473FDA9175.
        byte[] m = hex(UID + AID + SYSTEM_ID);
        assertArrayEquals(hex("A8DD63A3B89D54B37CA802473FDA9175"), An10922Diversifier.diversify(K, m));
    }

    @Test
    void an10922Section221VectorEqualsPlainCmacForTwoBlockInput() {
        // AN10922 §2.2.1 vector: 1 + |M| = 18 lies in 16..32, where AN10922 and plain CMAC(K, 01 ‖ M) agree
        // (ntag424.md §10 "Short-input gotcha").
        byte[] m = hex(UID + AID + SYSTEM_ID);
        assertArrayEquals(hex("A8DD63A3B89D54B37CA802473FDA9175"), AesCmac.cmac(K, prefixed01(m)));
    }

    @Test
    void shortInputUsesTwoBlockPaddingNotPlainCmac() {
        // ntag424.md §10 "Short-input gotcha" (libfreefare issue #91, fix cmac_an10922): M = UID only.
        byte[] m = hex(UID);
        byte[] diversified = An10922Diversifier.diversify(K, m);
        assertArrayEquals(hex("4FD3364753B8142980E8203C75AD83BE"), diversified);
        // Same source: the naive CMAC(K, 01 ‖ UID) is B3179E2D918AC5190815983B054B63AD (wrong for AN10922).
        byte[] naive = AesCmac.cmac(K, prefixed01(m));
        assertArrayEquals(hex("B3179E2D918AC5190815983B054B63AD"), naive);
        assertFalse(Arrays.equals(naive, diversified));
    }

    @Test
    void subkeysOfTheAn10922Key() {
        // AN10922 §2.2.1 subkeys (ntag424.md §10): L = FDE4FBAE4A09E020EFF722969F83832B,
        // K1 = FBC9F75C9413C041DFEE452D3F0706D1, K2 = F793EEB928278083BFDC8A5A7E0E0D25.
        assertArrayEquals(hex("FDE4FBAE4A09E020EFF722969F83832B"), Aes.encryptBlock(K, new byte[16]));
        byte[][] subkeys = An10922Diversifier.subkeys(K);
        assertArrayEquals(hex("FBC9F75C9413C041DFEE452D3F0706D1"), subkeys[0]);
        assertArrayEquals(hex("F793EEB928278083BFDC8A5A7E0E0D25"), subkeys[1]);
    }

    @Test
    void subkeysOfTheRfc4493Key() {
        // RFC 4493 §4 subkey generation (ntag424.md §5): L = 7df76b0c1ab899b33e42f047b91b546f,
        // K1 = fbeed618357133667c85e08f7236a8de, K2 = f7ddac306ae266ccf90bc11ee46d513b.
        byte[] key = hex("2b7e151628aed2a6abf7158809cf4f3c");
        assertArrayEquals(hex("7df76b0c1ab899b33e42f047b91b546f"), Aes.encryptBlock(key, new byte[16]));
        byte[][] subkeys = An10922Diversifier.subkeys(key);
        assertArrayEquals(hex("fbeed618357133667c85e08f7236a8de"), subkeys[0]);
        assertArrayEquals(hex("f7ddac306ae266ccf90bc11ee46d513b"), subkeys[1]);
    }

    @Test
    void twoBlockInputAgreesWithPlainCmacOnlyAboveOneBlock() {
        // ntag424.md §10 "Short-input gotcha": AN10922 pads D = 01 ‖ M to 32 bytes unless it is exactly 32 bytes
        // (libfreefare cmac_an10922: len != 2 blocks → 80 00… and K2, else K1). Plain CMAC agrees whenever
        // D spans more than one block: 17 ≤ 1 + |M| ≤ 32.
        byte[] m = new byte[31];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (0xA0 + i);
        }
        assertArrayEquals(AesCmac.cmac(K, prefixed01(m)), An10922Diversifier.diversify(K, m)); // K1 path
        byte[] m16 = Arrays.copyOf(m, 16);
        assertArrayEquals(AesCmac.cmac(K, prefixed01(m16)), An10922Diversifier.diversify(K, m16));
        // At 1 + |M| = 16 plain CMAC sees one complete block (K1, no padding) while AN10922 still pads to two
        // blocks, so they differ (ntag424.md §10 prints the range as "16 ≤ 1 + |M| ≤ 32"; the lower bound is 17).
        byte[] m15 = Arrays.copyOf(m, 15);
        assertFalse(Arrays.equals(AesCmac.cmac(K, prefixed01(m15)), An10922Diversifier.diversify(K, m15)));
    }

    @Test
    void inputLengthMustBe1To31() {
        // ntag424.md §10: "M length 1..31 B".
        assertThrows(IllegalArgumentException.class, () -> An10922Diversifier.diversify(K, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> An10922Diversifier.diversify(K, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> An10922Diversifier.diversify(new byte[8], hex(UID)));
    }
}
