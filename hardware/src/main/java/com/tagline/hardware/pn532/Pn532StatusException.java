package com.tagline.hardware.pn532;

import com.tagline.hardware.TaglineException;

/**
 * The PN532 answered a command with an error status byte (pn532.md §3.2). Time-out and a
 * disappeared card are {@link Pn532TagLostException} instead, so that callers handling
 * {@link com.tagline.hardware.tag.TagLostException} see them. Keeps the raw code; {@link #status()}
 * is null for a code the manual does not list.
 */
public class Pn532StatusException extends TaglineException {
    private final String command;
    private final int code;

    public Pn532StatusException(String command, int code) {
        this(command, code, null);
    }

    /** @param detail extra context, e.g. that the host detected the error (CRC_A check) */
    public Pn532StatusException(String command, int code, String detail) {
        super(Pn532Status.describe(command, code & Pn532Status.ERROR_MASK, detail));
        this.command = command;
        this.code = code & Pn532Status.ERROR_MASK;
    }

    /** The PN532 command by its manual name, e.g. {@code InDataExchange}. */
    public String command() {
        return command;
    }

    /** The error code (status byte & 0x3F). */
    public int code() {
        return code;
    }

    public Pn532Status status() {
        return Pn532Status.of(code);
    }
}
