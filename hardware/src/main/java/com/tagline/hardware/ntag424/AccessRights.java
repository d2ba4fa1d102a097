package com.tagline.hardware.ntag424;

/**
 * File access rights (DS §8.2.3.3): each a nibble, 0..4 = key number, E = free, F = never.
 * On the wire 2 bytes, LSB first: byte0 = RW&lt;&lt;4 | Change, byte1 = Read&lt;&lt;4 | Write.
 */
public record AccessRights(int read, int write, int readWrite, int change) {
    public static final int FREE = 0xE;
    public static final int NEVER = 0xF;

    public AccessRights {
        checkNibble("Read", read);
        checkNibble("Write", write);
        checkNibble("ReadWrite", readWrite);
        checkNibble("Change", change);
    }

    private static void checkNibble(String name, int v) {
        if (v < 0 || v > 0xF || (v > 4 && v < 0xE)) {
            throw new IllegalArgumentException(name + " access right must be a key 0..4, E or F, got " + v);
        }
    }

    public static AccessRights decode(byte b0, byte b1) {
        return new AccessRights((b1 >>> 4) & 0xF, b1 & 0xF, (b0 >>> 4) & 0xF, b0 & 0xF);
    }

    public byte[] encode() {
        return new byte[] {(byte) (readWrite << 4 | change), (byte) (read << 4 | write)};
    }

    /** True when key {@code keyNo} (or free access) grants this right's nibble. */
    public static boolean grants(int nibble, Integer authenticatedKey) {
        return nibble == FREE || (authenticatedKey != null && nibble == authenticatedKey);
    }
}
