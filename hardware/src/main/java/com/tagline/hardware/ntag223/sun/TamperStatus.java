package com.tagline.hardware.ntag223.sun;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The StatusDetect tamper field of a SUN message, {@code SSTTTTTTTT} (ntag223.md §6.1): two status
 * characters and 4 bytes of further tamper data (observed 00000000, meaning [unknown]). A status
 * character is a letter C/O/I when tamper data is visible, or a hex digit ('0') when it is hidden.
 * Third-party code reads the first letter as the stored status and the second as the current one
 * [public code]. Immutable; arrays are copied.
 *
 * @param first first status character
 * @param second second status character
 * @param data the 4 bytes after the status characters
 */
public record TamperStatus(char first, char second, byte[] data) {
    public static final int TEXT_LENGTH = 10;
    public static final int MAC_LENGTH = 5;

    public TamperStatus {
        if (nibble(first) < 0 || nibble(second) < 0) {
            throw new IllegalArgumentException("tamper status characters must be C, O, I or a hex digit, got "
                    + first + second);
        }
        if (data.length != 4) {
            throw new IllegalArgumentException("tamper data is 4 bytes");
        }
        data = data.clone();
    }

    /** The field when tamper data is hidden: {@code 0000000000}, CMAC bytes 00×5 (§6.2). */
    public static TamperStatus hidden() {
        return new TamperStatus('0', '0', new byte[4]);
    }

    /** Visible status letters with the given tamper data. */
    public static TamperStatus of(TamperState first, TamperState second, byte[] data) {
        return new TamperStatus(first.letter(), second.letter(), data);
    }

    /** Parses the 10-character field. */
    public static TamperStatus parse(String text) {
        if (text.length() != TEXT_LENGTH) {
            throw new IllegalArgumentException("tamper field must be 10 characters, got " + text.length());
        }
        byte[] data;
        try {
            data = HexFormat.of().parseHex(text, 2, TEXT_LENGTH);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tamper data is not hexadecimal: " + text);
        }
        return new TamperStatus(text.charAt(0), text.charAt(1), data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public Optional<TamperState> firstState() {
        return Optional.ofNullable(TamperState.ofLetter(first));
    }

    public Optional<TamperState> secondState() {
        return Optional.ofNullable(TamperState.ofLetter(second));
    }

    /** True when neither character is a status letter (tamper data hidden by configuration). */
    public boolean isHidden() {
        return firstState().isEmpty() && secondState().isEmpty();
    }

    /** The 10 characters as mirrored. */
    public String text() {
        return "" + first + second + HexFormat.of().withUpperCase().formatHex(data);
    }

    /** The 5 CMAC input bytes: {@code (nib(S1) << 4 | nib(S2)) ‖ data} (§6.2). */
    public byte[] macBytes() {
        byte[] out = new byte[MAC_LENGTH];
        out[0] = (byte) (nibble(first) << 4 | nibble(second));
        System.arraycopy(data, 0, out, 1, 4);
        return out;
    }

    private static int nibble(char c) {
        TamperState s = TamperState.ofLetter(c);
        if (s != null) {
            return s.nibble();
        }
        return Character.isUpperCase(c) || Character.isDigit(c) ? Character.digit(c, 16) : -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TamperStatus t && first == t.first && second == t.second && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return "TamperStatus[" + text() + "]";
    }
}
