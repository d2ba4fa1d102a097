package com.tagline.hardware.ntag223.sun;

/**
 * A StatusDetect tamper-loop letter in the SUN message and its nibble in the CMAC input
 * (ntag223.md §6.1–§6.2 [confirmed]; same letters as NTAG 213 TT READ_TT_STATUS).
 */
public enum TamperState {
    CLOSED('C', 0x3),
    OPEN('O', 0xF),
    /** Invalid, or not measured. */
    INVALID('I', 0x9);

    private final char letter;
    private final int nibble;

    TamperState(char letter, int nibble) {
        this.letter = letter;
        this.nibble = nibble;
    }

    public char letter() {
        return letter;
    }

    public int nibble() {
        return nibble;
    }

    /** The state a letter names, or null for any other character. */
    public static TamperState ofLetter(char c) {
        for (TamperState s : values()) {
            if (s.letter == c) {
                return s;
            }
        }
        return null;
    }
}
