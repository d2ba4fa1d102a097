package com.tagline.hardware.keys;

/**
 * One chip's five diversified application keys and the key-set version they carry. Lives only in
 * memory for one personalization; {@code toString} is redacted.
 */
public final class ChipKeys {
    /** The transport (factory) key value of every NTAG 424 DNA application key (DS §8.2.3). */
    public static final byte[] FACTORY_KEY = new byte[16];

    private final byte[][] keys;
    private final int version;

    ChipKeys(byte[][] keys, int version) {
        this.keys = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            this.keys[i] = keys[i].clone();
        }
        this.version = version;
    }

    public byte[] key(int keyNo) {
        return keys[keyNo].clone();
    }

    public int version() {
        return version;
    }

    @Override
    public String toString() {
        return "ChipKeys[version=" + version + ", keys redacted]";
    }
}
