package com.tagline.hardware.ntag223;

import com.tagline.hardware.TaglineException;

/**
 * The tag refused a command with a 4-bit NAK (ntag223.md §4). Keeps the raw code and, when the table
 * knows it, the {@link Ntag223Nak}. After a NAK a Type 2 tag is back in IDLE (NTAG21x state machine
 * [inferred]): any password authentication is gone and the tag must be re-activated before the next
 * command.
 */
public class Ntag223NakException extends TaglineException {
    private final String command;
    private final int code;

    public Ntag223NakException(String command, int code) {
        super(describe(command, code));
        this.command = command;
        this.code = code;
    }

    private static String describe(String command, int code) {
        Ntag223Nak known = Ntag223Nak.of(code);
        String text = known == null ? "unknown NAK" : known.name() + ": " + known.meaning();
        return command + " answered NAK " + String.format("%X", code) + " (" + text + ")";
    }

    /** The command that failed, by its datasheet name. */
    public String command() {
        return command;
    }

    /** The raw 4-bit value. */
    public int code() {
        return code;
    }

    /** The NAK as an enum, or null for a code the table does not list. */
    public Ntag223Nak nak() {
        return Ntag223Nak.of(code);
    }

    public boolean is(Ntag223Nak expected) {
        return code == expected.code();
    }
}
