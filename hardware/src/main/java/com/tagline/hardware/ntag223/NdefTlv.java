package com.tagline.hardware.ntag223;

import java.util.Arrays;
import java.util.Optional;

/**
 * NDEF in Type 2 Tag user memory (NFC Forum Type 2 Tag Technical Specification §2.3–§2.4): a sequence
 * of TLV blocks — NULL (00, no length), Lock Control (01), Memory Control (02), NDEF Message (03),
 * Proprietary (FD), Terminator (FE, no length). Lengths are one byte, or FF followed by two bytes MSB
 * first for 255..65534. Also builds the capability container (§2.3.2: magic E1h, version 1.0, data
 * area size / 8, access).
 *
 * <p>Stateless.
 */
public final class NdefTlv {
    public static final int NULL = 0x00;
    public static final int LOCK_CONTROL = 0x01;
    public static final int MEMORY_CONTROL = 0x02;
    public static final int NDEF_MESSAGE = 0x03;
    public static final int PROPRIETARY = 0xFD;
    public static final int TERMINATOR = 0xFE;
    /** CC byte 0: NDEF magic number (T2T §2.3.2). */
    public static final int CC_MAGIC = 0xE1;
    /** CC byte 1: mapping version 1.0. */
    public static final int CC_VERSION_1_0 = 0x10;
    /** CC byte 3: read and write access granted. */
    public static final int CC_ACCESS_READ_WRITE = 0x00;
    /** CC byte 3: read-only (write access 0Fh). */
    public static final int CC_ACCESS_READ_ONLY = 0x0F;
    private static final int LONG_LENGTH = 0xFF;

    private NdefTlv() {}

    /** Header (type + length field) size for an NDEF message of {@code length} bytes: 2, or 4 from 255 on. */
    public static int headerLength(int length) {
        return length < LONG_LENGTH ? 2 : 4;
    }

    /** {@code 03 L message FE}: the NDEF Message TLV followed by the Terminator TLV. */
    public static byte[] encode(byte[] ndefMessage) {
        int len = ndefMessage.length;
        if (len > 0xFFFE) {
            throw new IllegalArgumentException("an NDEF TLV holds at most 65534 bytes");
        }
        int header = headerLength(len);
        byte[] out = new byte[header + len + 1];
        out[0] = NDEF_MESSAGE;
        if (header == 2) {
            out[1] = (byte) len;
        } else {
            out[1] = (byte) LONG_LENGTH;
            out[2] = (byte) (len >>> 8);
            out[3] = (byte) len;
        }
        System.arraycopy(ndefMessage, 0, out, header, len);
        out[out.length - 1] = (byte) TERMINATOR;
        return out;
    }

    /**
     * The TLVs of {@code ndefMessage} padded with 00 to whole pages, ready to be written from the first
     * user page; fails when it exceeds {@code userBytes}.
     */
    public static byte[] image(byte[] ndefMessage, int userBytes) {
        byte[] tlv = encode(ndefMessage);
        if (tlv.length > userBytes) {
            throw new IllegalArgumentException("NDEF TLV of " + tlv.length + " bytes exceeds the " + userBytes
                    + " bytes of user memory");
        }
        int padded = (tlv.length + MemoryMap.PAGE_SIZE - 1) / MemoryMap.PAGE_SIZE * MemoryMap.PAGE_SIZE;
        return Arrays.copyOf(tlv, padded);
    }

    /**
     * The first NDEF message in {@code userMemory}: empty when a Terminator TLV, a run of 00 to the end
     * or the end of memory comes first (an empty NDEF TLV {@code 03 00} gives an empty array).
     *
     * @throws IllegalArgumentException when a TLV runs past the end of memory (corrupt content)
     */
    public static Optional<byte[]> decode(byte[] userMemory) {
        int pos = 0;
        while (pos < userMemory.length) {
            int type = userMemory[pos] & 0xFF;
            if (type == NULL) {
                pos++;
                continue;
            }
            if (type == TERMINATOR) {
                return Optional.empty();
            }
            int[] lengthField = length(userMemory, pos + 1);
            int valueStart = pos + 1 + lengthField[1];
            int valueEnd = valueStart + lengthField[0];
            if (valueEnd > userMemory.length) {
                throw new IllegalArgumentException(String.format(
                        "TLV %02Xh at offset %d declares %d bytes but memory ends after %d", type, pos,
                        lengthField[0], userMemory.length - valueStart));
            }
            if (type == NDEF_MESSAGE) {
                return Optional.of(Arrays.copyOfRange(userMemory, valueStart, valueEnd));
            }
            pos = valueEnd; // Lock Control, Memory Control, Proprietary and unknown TLVs are skipped
        }
        return Optional.empty();
    }

    /** {value length, size of the length field} at {@code at}. */
    private static int[] length(byte[] memory, int at) {
        if (at >= memory.length) {
            throw new IllegalArgumentException("TLV length field missing at offset " + at);
        }
        int first = memory[at] & 0xFF;
        if (first != LONG_LENGTH) {
            return new int[] {first, 1};
        }
        if (at + 2 >= memory.length) {
            throw new IllegalArgumentException("3-byte TLV length field truncated at offset " + at);
        }
        return new int[] {(memory[at + 1] & 0xFF) << 8 | (memory[at + 2] & 0xFF), 3};
    }

    /** The capability container for {@code userBytes} of data area (T2T §2.3.2; 144 bytes gives E1 10 12 00). */
    public static byte[] capabilityContainer(int userBytes, boolean readOnly) {
        if (userBytes % 8 != 0 || userBytes / 8 > 0xFF) {
            throw new IllegalArgumentException("data area size must be a multiple of 8 up to 2040 bytes");
        }
        return new byte[] {(byte) CC_MAGIC, CC_VERSION_1_0, (byte) (userBytes / 8),
            (byte) (readOnly ? CC_ACCESS_READ_ONLY : CC_ACCESS_READ_WRITE)};
    }
}
