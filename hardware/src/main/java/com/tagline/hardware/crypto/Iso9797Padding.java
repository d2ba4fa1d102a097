package com.tagline.hardware.crypto;

import java.util.Arrays;
import java.util.Optional;

/**
 * ISO/IEC 9797-1 padding method 2 as CommMode.Full uses it (NTAG 424 DNA DS §9.1.4): always append
 * 80 then 00s to a multiple of 16, adding a whole block when the input is already aligned.
 */
public final class Iso9797Padding {
    private Iso9797Padding() {}

    public static byte[] pad(byte[] data) {
        int padded = (data.length / Aes.BLOCK + 1) * Aes.BLOCK;
        byte[] out = Arrays.copyOf(data, padded);
        out[data.length] = (byte) 0x80;
        return out;
    }

    /** Strips the padding; empty when the padding is malformed (the caller maps that to an integrity error). */
    public static Optional<byte[]> unpad(byte[] data) {
        for (int i = data.length - 1; i >= 0 && i >= data.length - Aes.BLOCK; i--) {
            if (data[i] == (byte) 0x80) {
                return Optional.of(Arrays.copyOf(data, i));
            }
            if (data[i] != 0) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
