package com.tagline.station.console;

import java.util.Locale;

/**
 * A chip UID as an operator types it (the console's scrap control, {@code scrap UID} on stdin): 4, 7 or 10
 * bytes in hex, the single, double and triple UID sizes of ISO/IEC 14443-3 §6.5.4 (NTAG DNA chips have 7).
 * Anything else names no chip, so it is refused before it reaches the station.
 *
 * @param hex upper-case hex, as the store keeps it
 */
public record ChipUid(String hex) {
    /** What an operator is told when a UID is refused. */
    public static final String FORMAT = "a chip UID is 4, 7 or 10 bytes in hex (ISO/IEC 14443-3), e.g. 04A1B2C3D4E5F6";

    /** @throws IllegalArgumentException with {@link #FORMAT} when {@code text} is no UID */
    public static ChipUid parse(String text) {
        if (text == null || !text.matches("[0-9A-Fa-f]+") || (text.length() != 8 && text.length() != 14
                && text.length() != 20)) {
            throw new IllegalArgumentException(FORMAT);
        }
        return new ChipUid(text.toUpperCase(Locale.ROOT));
    }
}
