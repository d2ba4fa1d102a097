package com.tagline.hardware.keys;

import com.tagline.hardware.crypto.Aes;
import com.tagline.hardware.crypto.An10922Diversifier;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The station's master keys: one AES-128 master key per application key number 0..4, the key-set
 * version written to the chip as KeyVer and reported with every outcome, and the AN10922 system
 * identifier. Per-chip keys are AN10922 §2.2.1 diversifications with M = UID ‖ system identifier
 * (architecture §6): chip keys are never stored.
 *
 * <p>Immutable. {@code toString} shows only key check values, never keys.
 */
public final class MasterKeySet {
    public static final int KEY_COUNT = 5;
    /** Default AN10922 system identifier: ASCII "Tagline". */
    public static final byte[] DEFAULT_SYSTEM_IDENTIFIER = "Tagline".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_SYSTEM_IDENTIFIER = 31 - 7;

    private final List<byte[]> masterKeys;
    private final int version;
    private final byte[] systemIdentifier;

    public MasterKeySet(List<byte[]> masterKeys, int version, byte[] systemIdentifier) {
        if (masterKeys.size() != KEY_COUNT) {
            throw new IllegalArgumentException("a key set needs exactly 5 master keys (key0..key4), got "
                    + masterKeys.size());
        }
        for (int i = 0; i < KEY_COUNT; i++) {
            if (masterKeys.get(i) == null || masterKeys.get(i).length != 16) {
                throw new IllegalArgumentException("master key" + i + " must be 16 bytes (32 hex characters)");
            }
        }
        if (version < 1 || version > 0xFF) {
            // KeyVer 00 is the factory value: a personalized chip must be distinguishable (ntag424.md §1).
            throw new IllegalArgumentException("key_set_version must be 1..255, got " + version);
        }
        if (systemIdentifier.length < 1 || systemIdentifier.length > MAX_SYSTEM_IDENTIFIER) {
            throw new IllegalArgumentException("system identifier must be 1.." + MAX_SYSTEM_IDENTIFIER + " bytes");
        }
        this.masterKeys = masterKeys.stream().map(byte[]::clone).toList();
        this.version = version;
        this.systemIdentifier = systemIdentifier.clone();
    }

    public int version() {
        return version;
    }

    /** The five application keys of the chip with this UID. */
    public ChipKeys diversify(byte[] uid) {
        if (uid.length != 7) {
            throw new IllegalArgumentException("diversification needs a 7-byte UID");
        }
        byte[] m = new byte[uid.length + systemIdentifier.length];
        System.arraycopy(uid, 0, m, 0, uid.length);
        System.arraycopy(systemIdentifier, 0, m, uid.length, systemIdentifier.length);
        byte[][] keys = new byte[KEY_COUNT][];
        for (int i = 0; i < KEY_COUNT; i++) {
            keys[i] = An10922Diversifier.diversify(masterKeys.get(i), m);
        }
        return new ChipKeys(keys, version);
    }

    /** Key check value: the first 3 bytes of AES(K, 0¹²⁸), safe to log (architecture §6). */
    public static String kcv(byte[] key) {
        byte[] e = Aes.encryptBlock(key, new byte[16]);
        return HexFormat.of().withUpperCase().formatHex(e, 0, 3);
    }

    /**
     * The key check values of key0..key4, comma-separated without spaces ({@code 252B19,68537F,...}): one
     * log field that tells which key set a station runs with, never the keys.
     */
    public String checkValues() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < KEY_COUNT; i++) {
            sb.append(i == 0 ? "" : ",").append(kcv(masterKeys.get(i)));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "MasterKeySet[version=" + version + ", kcv=" + checkValues() + "]";
    }
}
