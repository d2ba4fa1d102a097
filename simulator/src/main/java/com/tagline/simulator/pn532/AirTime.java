package com.tagline.simulator.pn532;

import com.tagline.hardware.tag.BitRate;
import java.time.Duration;

/**
 * Air time of ISO/IEC 14443 Type A frames, from the standards' definitions (no assumptions here):
 * <ul>
 *   <li>carrier fc = 13.56 MHz; one bit (etu) lasts 128/(D·fc): 9.44 µs at 106 kbit/s, down to 1.18 µs at 848
 *       (ISO/IEC 14443-2 §8.1, §9.1; D from PPS, ISO/IEC 14443-4 §5.3);</li>
 *   <li>a standard frame is a start bit, n characters of 8 data bits and an odd parity bit, and an end bit
 *       (ISO/IEC 14443-3 §6.2.3.2); a short frame (REQA, WUPA) is start, 7 bits, end (§6.2.3.1);</li>
 *   <li>a PICC answers (n·128 + 84)/fc after the PCD's last bit, n = 9: 1236/fc = 91.2 µs
 *       (ISO/IEC 14443-3 §6.2.1.1, frame delay time for a last bit 1; the longer case);</li>
 *   <li>every frame after anticollision ends with CRC_A, 2 bytes (ISO/IEC 14443-3 §6.2.4); an ISO-DEP block
 *       adds its PCB, 1 byte (ISO/IEC 14443-4 §7.1; no CID or NAD, as the PN532 sends them [inferred]).</li>
 * </ul>
 */
final class AirTime {
    static final double FC_HZ = 13.56e6;
    static final int CRC = 2;
    static final int PCB = 1;
    /** PPS request PPSS PPS0 PPS1 and response PPSS, without CRC (ISO/IEC 14443-4 §5.3). */
    static final int PPS_REQUEST = 3;
    static final int PPS_RESPONSE = 1;
    static final Duration FRAME_DELAY = nanos(1236 / FC_HZ);

    private AirTime() {
    }

    /** A standard frame of {@code bytes} bytes (CRC included when the caller counts it) at {@code rate}. */
    static Duration frame(int bytes, BitRate rate) {
        return bits(1 + 9L * bytes + 1, rate);
    }

    /** REQA or WUPA: start bit, 7 data bits, end bit, at 106 kbit/s. */
    static Duration shortFrame() {
        return bits(9, BitRate.KBPS_106);
    }

    /** A 4-bit ACK/NAK of a Type 2 chip: start bit, 4 bits, end bit (NFC Forum T2T; NTAG21x "ACK and NAK"). */
    static Duration fourBitFrame() {
        return bits(6, BitRate.KBPS_106);
    }

    static Duration bits(long bits, BitRate rate) {
        return nanos(bits * 128.0 / (rate.divisor() * FC_HZ));
    }

    private static Duration nanos(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
