package com.tagline.hardware.ntag424;

import com.tagline.hardware.TaglineException;

/**
 * The chip answered a command with an error status word. Keeps SW1/SW2 raw, and the enum when the
 * specification knows the code.
 */
public class ChipStatusException extends TaglineException {
    private final int sw;
    private final String command;

    public ChipStatusException(String command, int sw) {
        super(describe(command, sw));
        this.sw = sw;
        this.command = command;
    }

    private static String describe(String command, int sw) {
        StatusWord known = StatusWord.of(sw);
        String text = known == null ? "unknown status" : known.name() + ": " + known.meaning();
        return command + " failed with SW " + String.format("%04X", sw) + " (" + text + ")";
    }

    public int sw() {
        return sw;
    }

    public int sw1() {
        return sw >>> 8;
    }

    public int sw2() {
        return sw & 0xFF;
    }

    /** The command that failed, by its specification name. */
    public String command() {
        return command;
    }

    /** The status word as an enum, or null for a code the specification does not list. */
    public StatusWord statusWord() {
        return StatusWord.of(sw);
    }

    public boolean is(StatusWord expected) {
        return sw == expected.code();
    }
}
