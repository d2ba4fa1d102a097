package com.tagline.station.personalize;

import com.tagline.hardware.crypto.AesCmac;
import com.tagline.hardware.keys.ChipKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The per-chip NTAG 223 DNA password PWD (4 bytes) and its acknowledge PACK (2 bytes) (ntag223.md §4
 * PWD_AUTH, §7 step 8). Never stored: derived again for every run.
 *
 * <p>Construction: {@code T = AES-128-CMAC(K1, "Tagline NTAG223 PWD" ‖ UID)} (RFC 4493) with {@code K1}
 * the chip's AN10922-diversified application key 1 from {@link com.tagline.hardware.keys.MasterKeySet};
 * {@code PWD = T[0..3]}, {@code PACK = T[4..5]}. Key 1 is not the SUNCMAC_KEY (key 2, see
 * {@link com.tagline.hardware.ntag223.Ntag223Keys}), so a PWD sniffed from the plain PWD_AUTH frame reveals
 * nothing about the SUN key; the label separates this use of K1 from any other, and the UID (already
 * in the diversification) is repeated so the derivation stands alone.
 *
 * <p>{@link #toString()} is redacted; arrays are copied in and out.
 */
final class Ntag223Password {
    /** Application key number the password is derived from. */
    static final int KEY_NUMBER = 1;
    private static final byte[] LABEL = "Tagline NTAG223 PWD".getBytes(StandardCharsets.US_ASCII);

    private final byte[] pwd;
    private final byte[] pack;

    private Ntag223Password(byte[] pwd, byte[] pack) {
        this.pwd = pwd;
        this.pack = pack;
    }

    static Ntag223Password derive(ChipKeys keys, byte[] uid) {
        byte[] input = Arrays.copyOf(LABEL, LABEL.length + uid.length);
        System.arraycopy(uid, 0, input, LABEL.length, uid.length);
        byte[] t = AesCmac.cmac(keys.key(KEY_NUMBER), input);
        return new Ntag223Password(Arrays.copyOfRange(t, 0, 4), Arrays.copyOfRange(t, 4, 6));
    }

    byte[] pwd() {
        return pwd.clone();
    }

    byte[] pack() {
        return pack.clone();
    }

    /** Constant-time comparison of a PWD_AUTH answer with our PACK (architecture §6). */
    boolean packMatches(byte[] answer) {
        return MessageDigest.isEqual(pack, answer);
    }

    @Override
    public String toString() {
        return "Ntag223Password[redacted]";
    }
}
