package com.tagline.hardware.ntag424;

/** Communication mode of a command or file (DS §9.1.2; FileOption bits 1-0). */
public enum CommMode {
    PLAIN(0b00),
    MAC(0b01),
    FULL(0b11);

    private final int bits;

    CommMode(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public static CommMode ofBits(int bits) {
        return switch (bits & 0b11) {
            case 0b00, 0b10 -> PLAIN; // DS Table 69: 10b is also Plain
            case 0b01 -> MAC;
            default -> FULL;
        };
    }
}
