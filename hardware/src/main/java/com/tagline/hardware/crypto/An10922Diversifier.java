package com.tagline.hardware.crypto;

import java.util.Arrays;

/**
 * AES-128 key diversification per NXP AN10922 §2.2.1: CMAC of {@code 01 || M} where the input is
 * always padded to two blocks (32 bytes) before the CMAC subkey is applied. Plain CMAC of a short
 * {@code 01 || M} is different and wrong (libfreefare issue #91; ntag424.md §10).
 *
 * <p>Implemented as the CBC-MAC of the padded 32 bytes with K1 (no padding added) or K2 (padding
 * added) XORed into the last block, which is exactly CMAC's final step on a 2-block message.
 */
public final class An10922Diversifier {
    private static final byte DIV_CONSTANT_AES128 = 0x01;
    private static final int MAX_INPUT = 31;

    private An10922Diversifier() {}

    public static byte[] diversify(byte[] masterKey, byte[] diversificationInput) {
        Aes.checkKey(masterKey);
        int m = diversificationInput.length;
        if (m < 1 || m > MAX_INPUT) {
            throw new IllegalArgumentException("AN10922 diversification input must be 1..31 bytes, got " + m);
        }
        byte[] block = new byte[32];
        block[0] = DIV_CONSTANT_AES128;
        System.arraycopy(diversificationInput, 0, block, 1, m);
        boolean padded = m + 1 < 32;
        if (padded) {
            block[m + 1] = (byte) 0x80;
        }
        byte[][] subkeys = subkeys(masterKey);
        byte[] subkey = padded ? subkeys[1] : subkeys[0];
        for (int i = 0; i < 16; i++) {
            block[16 + i] ^= subkey[i];
        }
        byte[] cbc = Aes.cbcEncryptZeroIv(masterKey, block);
        return Arrays.copyOfRange(cbc, 16, 32);
    }

    /** RFC 4493 §2.3 subkey generation: {K1, K2}. */
    static byte[][] subkeys(byte[] key) {
        byte[] l = Aes.encryptBlock(key, new byte[16]);
        byte[] k1 = shiftLeftXorRb(l);
        byte[] k2 = shiftLeftXorRb(k1);
        return new byte[][] {k1, k2};
    }

    private static byte[] shiftLeftXorRb(byte[] in) {
        byte[] out = new byte[16];
        for (int i = 0; i < 16; i++) {
            int next = i + 1 < 16 ? (in[i + 1] & 0xFF) >>> 7 : 0;
            out[i] = (byte) ((in[i] << 1) | next);
        }
        if ((in[0] & 0x80) != 0) {
            out[15] ^= (byte) 0x87;
        }
        return out;
    }
}
