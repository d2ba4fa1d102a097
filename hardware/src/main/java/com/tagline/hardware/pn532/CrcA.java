package com.tagline.hardware.pn532;

import java.util.Arrays;

/**
 * CRC_A of ISO/IEC 14443-3 Annex B: CRC-16/ISO-IEC-14443-3-A, initial value 0x6363, reflected
 * polynomial 0x8408, transmitted least significant byte first. Used for raw Type 2 frames that
 * bypass the PN532's own CRC handling (pn532.md §3.3).
 */
public final class CrcA {
    private CrcA() {
    }

    /** The CRC of {@code data[off..off+len)}, as a 16-bit value. */
    public static int compute(byte[] data, int off, int len) {
        int crc = 0x6363;
        for (int i = off; i < off + len; i++) {
            int b = (data[i] ^ crc) & 0xFF;
            b = (b ^ (b << 4)) & 0xFF;
            crc = ((crc >>> 8) ^ (b << 8) ^ (b << 3) ^ (b >>> 4)) & 0xFFFF;
        }
        return crc;
    }

    /** {@code data} followed by its CRC_A, least significant byte first. */
    public static byte[] append(byte[] data) {
        int crc = compute(data, 0, data.length);
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) crc;
        out[data.length + 1] = (byte) (crc >>> 8);
        return out;
    }

    /** True when the last two bytes of {@code frame} are the CRC_A of the bytes before them. */
    public static boolean check(byte[] frame) {
        if (frame.length < 3) {
            return false;
        }
        int crc = compute(frame, 0, frame.length - 2);
        return (frame[frame.length - 2] & 0xFF) == (crc & 0xFF) && (frame[frame.length - 1] & 0xFF) == crc >>> 8;
    }
}
