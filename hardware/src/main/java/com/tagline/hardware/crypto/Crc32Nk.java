package com.tagline.hardware.crypto;

import java.util.zip.CRC32;

/**
 * CRC32NK of NTAG 424 DNA ChangeKey (DS §10.6.1): CRC-32/IEEE without the final XOR (JAMCRC),
 * i.e. the bitwise NOT of {@link CRC32}, serialized LSB first (ntag424.md §3.8).
 */
public final class Crc32Nk {
    private Crc32Nk() {}

    public static byte[] of(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        int v = (int) (crc.getValue() ^ 0xFFFFFFFFL);
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
