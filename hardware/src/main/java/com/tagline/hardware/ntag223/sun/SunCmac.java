package com.tagline.hardware.ntag223.sun;

import com.tagline.hardware.crypto.AesCmac;

/**
 * The NTAG 22x DNA SUN CMAC (ntag223.md §6.2, AN12998 via Proxmark3 {@code ntag22x_libsuncmac.py}):
 * the SUNCMAC_KEY is used directly — no session key, no SV — over the binary input
 * {@code UID(7) ‖ NFC counter(3, MSB first) [‖ TT(5) on StatusDetect]}, and the 8-byte MAC is the
 * odd-indexed bytes of the full AES-128-CMAC (RFC 4493). Contrast NTAG 424 DNA, which derives a session
 * key and takes its counter LSB first.
 *
 * <p>Also the key's byte order in pages 34h–37h (§6.3): stored reversed, page 34h = K15 K14 K13 K12.
 *
 * <p>Stateless and thread-safe.
 */
public final class SunCmac {
    public static final int UID_LENGTH = 7;
    public static final int MAX_COUNTER = 0xFFFFFF;
    public static final int KEY_LENGTH = 16;

    private SunCmac() {}

    /** {@code UID ‖ CTR(MSB first) [‖ TT]}; {@code tamper} null on a plain 223 (§6.2). */
    public static byte[] input(byte[] uid, int counter, TamperStatus tamper) {
        if (uid.length != UID_LENGTH) {
            throw new IllegalArgumentException("SUN UID is 7 bytes, got " + uid.length);
        }
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("NFC counter is 24 bits, got " + counter);
        }
        byte[] tt = tamper == null ? new byte[0] : tamper.macBytes();
        byte[] in = new byte[UID_LENGTH + 3 + tt.length];
        System.arraycopy(uid, 0, in, 0, UID_LENGTH);
        in[7] = (byte) (counter >>> 16);
        in[8] = (byte) (counter >>> 8);
        in[9] = (byte) counter;
        System.arraycopy(tt, 0, in, 10, tt.length);
        return in;
    }

    /** The full 16-byte AES-CMAC over {@link #input}. */
    public static byte[] fullCmac(byte[] key, byte[] uid, int counter, TamperStatus tamper) {
        return AesCmac.cmac(key, input(uid, counter, tamper));
    }

    /** The 8-byte SUN MAC: bytes 1, 3, …, 15 of the full CMAC. */
    public static byte[] mac(byte[] key, byte[] uid, int counter, TamperStatus tamper) {
        return AesCmac.truncate(fullCmac(key, uid, counter, tamper));
    }

    /** The 16 bytes to write to the four key pages, in page order: the key reversed (§6.3). */
    public static byte[] keyToPages(byte[] key) {
        return reverse(checkKey(key));
    }

    /** The key in conventional order from the 16 bytes of the four key pages (§6.3). */
    public static byte[] pagesToKey(byte[] pages) {
        return reverse(checkKey(pages));
    }

    private static byte[] checkKey(byte[] key) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("SUNCMAC_KEY is 16 bytes");
        }
        return key;
    }

    private static byte[] reverse(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
