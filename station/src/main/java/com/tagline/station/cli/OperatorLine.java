package com.tagline.station.cli;

import com.tagline.station.console.ChipUid;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code station run} answers to an operator's line on stdin other than {@code status}, {@code reset} and
 * {@code stop}: {@code scrap UID} (the operator declares a chip that took a tag scrapped), or an unknown command.
 * A UID is checked before it reaches the station; what the operator typed is echoed at most {@value #SHOWN}
 * characters long with control characters escaped, so a stray paste or escape sequence reaches neither the
 * terminal nor the journal as typed.
 */
final class OperatorLine {
    static final int SHOWN = 60;
    private static final String USAGE = "(status, reset, scrap UID, stop)";

    private OperatorLine() {
    }

    /** @param scrap the station's scrap: the tag the chip held, empty when none; may throw naming why it failed */
    static String answer(String line, Function<String, Optional<String>> scrap) {
        String[] words = line.strip().split("\\s+");
        if (!words[0].equals("scrap")) {
            return "unknown command '" + shown(line.strip()) + "' " + USAGE;
        }
        if (words.length != 2) {
            return "scrap: give one chip UID, e.g. scrap 04A1B2C3D4E5F6";
        }
        ChipUid uid;
        try {
            uid = ChipUid.parse(words[1]);
        } catch (IllegalArgumentException e) {
            return "scrap: '" + shown(words[1]) + "' is not a chip UID: " + e.getMessage();
        }
        try {
            return "scrap: " + scrap.apply(uid.hex()).map(t -> "tag " + t + " goes to the next chip")
                    .orElse("chip " + uid.hex() + " holds no tag");
        } catch (RuntimeException e) {
            // the console goes on: 'status' and 'stop' must still work after a command that failed
            return "scrap: failed: " + e.getMessage();
        }
    }

    /** {@code text} at most {@value #SHOWN} characters, control characters as {@code \\uXXXX}. */
    static String shown(String text) {
        String head = text.length() > SHOWN ? text.substring(0, SHOWN) : text;
        StringBuilder out = new StringBuilder();
        head.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : Character.toString(c)));
        return text.length() > SHOWN ? out + "... (" + text.length() + " characters)" : out.toString();
    }
}
