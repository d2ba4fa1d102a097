package com.tagline.simulator.pn532;

import java.util.Arrays;

/**
 * CRC_A of ISO/IEC 14443-3 Annex B: polynomial x^16 + x^12 + x^5 + 1, initial value 6363, no final XOR,
 * sent least significant byte first. The PN532 CIU adds and checks it when CIU_TxMode/CIU_RxMode bit 7
 * is set; otherwise the host handles it (pn532.md §3.3).
 */
final class CrcA {
    private CrcA() {
    }

    /** The two CRC_A bytes of {@code data[off..off+len)}, in transmission order. */
    static byte[] of(byte[] data, int off, int len) {
        int crc = 0x6363;
        for (int i = off; i < off + len; i++) {
            int ch = (data[i] ^ crc) & 0xFF;
            ch = (ch ^ (ch << 4)) & 0xFF;
            crc = ((crc >> 8) ^ (ch << 8) ^ (ch << 3) ^ (ch >> 4)) & 0xFFFF;
        }
        return new byte[] {(byte) crc, (byte) (crc >> 8)};
    }

    /** {@code frame} followed by its CRC_A. */
    static byte[] append(byte[] frame) {
        byte[] out = Arrays.copyOf(frame, frame.length + 2);
        byte[] crc = of(frame, 0, frame.length);
        out[frame.length] = crc[0];
        out[frame.length + 1] = crc[1];
        return out;
    }

    /** True when the last two bytes of {@code frame} (at least 3 bytes long) are the CRC_A of the rest. */
    static boolean valid(byte[] frame) {
        if (frame.length < 3) {
            return false;
        }
        byte[] crc = of(frame, 0, frame.length - 2);
        return crc[0] == frame[frame.length - 2] && crc[1] == frame[frame.length - 1];
    }
}
