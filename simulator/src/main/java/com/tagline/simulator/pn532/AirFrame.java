package com.tagline.simulator.pn532;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One ISO/IEC 14443-A frame as it travels between the PN532's CIU and a PICC (ISO/IEC 14443-3 §6.2.3): its
 * bytes, CRC_A included when the sender appended one, and how many bits of the last byte are sent (7 for the
 * short frames REQA and WUPA, 4 for a Type 2 ACK/NAK, 8 otherwise). Parity bits are not stored: both sides
 * compute them.
 *
 * @param bytes    the frame, least significant bit of each byte first on the air
 * @param lastBits valid bits of the last byte, 1..8
 */
record AirFrame(byte[] bytes, int lastBits) {
    AirFrame {
        if (bytes.length == 0 || lastBits < 1 || lastBits > 8) {
            throw new IllegalArgumentException("an air frame has at least one bit; last bits 1..8: " + lastBits);
        }
        bytes = bytes.clone();
    }

    /** A frame of whole bytes. */
    static AirFrame of(byte... bytes) {
        return new AirFrame(bytes, 8);
    }

    /** A frame of whole bytes followed by their CRC_A (ISO/IEC 14443-3 Annex B). */
    static AirFrame withCrc(byte... bytes) {
        return new AirFrame(CrcA.append(bytes), 8);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    int length() {
        return bytes.length;
    }

    int at(int i) {
        return bytes[i] & 0xFF;
    }

    /** True for a short frame (7 bits) carrying {@code command} (REQA 26, WUPA 52). */
    boolean isShort(int command) {
        return bytes.length == 1 && lastBits == 7 && (bytes[0] & 0x7F) == command;
    }

    /** True when the frame is whole bytes ending with a correct CRC_A over at least one byte. */
    boolean crcValid() {
        return lastBits == 8 && CrcA.valid(bytes);
    }

    /** The bytes before the CRC_A (call only when {@link #crcValid()}). */
    byte[] withoutCrc() {
        return Arrays.copyOf(bytes, bytes.length - 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AirFrame f && f.lastBits == lastBits && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + lastBits;
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes) + (lastBits == 8 ? "" : " (" + lastBits
                + " bits)");
    }
}
