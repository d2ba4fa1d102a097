package com.tagline.hardware.ntag223;

import com.tagline.hardware.keys.ChipKeys;

/**
 * Which station key becomes a chip's SUNCMAC_KEY. Choice: the chip's diversified application key
 * number {@value #DEFAULT_SUN_KEY_NUMBER} from {@link com.tagline.hardware.keys.MasterKeySet#diversify}
 * (AN10922 with UID ‖ system identifier), the same number the NTAG 424 DNA layout uses as its SDM MAC
 * (file-read) key. One master key thus serves SUN verification for both chip kinds, every chip still
 * gets its own key (ntag223.md §7 step 4; BREAKMEIFYOUCAN recovers one tag's key, never a master key),
 * and a verifier needs no NTAG 223-specific derivation. The key-set version travels with the outcome.
 */
public final class Ntag223Keys {
    /** Application key number used as SUNCMAC_KEY. */
    public static final int DEFAULT_SUN_KEY_NUMBER = 2;

    private Ntag223Keys() {}

    /** The SUNCMAC_KEY for the chip these keys were diversified for. */
    public static byte[] sunKey(ChipKeys keys) {
        return sunKey(keys, DEFAULT_SUN_KEY_NUMBER);
    }

    /** The SUNCMAC_KEY taken from another key number (0..4), for stations configured otherwise. */
    public static byte[] sunKey(ChipKeys keys, int keyNumber) {
        if (keyNumber < 0 || keyNumber > 4) {
            throw new IllegalArgumentException("key number must be 0..4, got " + keyNumber);
        }
        return keys.key(keyNumber);
    }
}
