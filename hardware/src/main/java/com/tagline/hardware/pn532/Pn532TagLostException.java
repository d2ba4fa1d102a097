package com.tagline.hardware.pn532;

import com.tagline.hardware.tag.TagLostException;

/**
 * The PN532 reported that the target did not answer (status 01, time-out) or has disappeared
 * (status 2B) — pn532.md §3.2. A {@link TagLostException}: the target's state is unknown and any
 * secure session is dead.
 */
public class Pn532TagLostException extends TagLostException {
    private final String command;
    private final int code;

    public Pn532TagLostException(String command, int code) {
        super(Pn532Status.describe(command, code & Pn532Status.ERROR_MASK, null));
        this.command = command;
        this.code = code & Pn532Status.ERROR_MASK;
    }

    public String command() {
        return command;
    }

    public int code() {
        return code;
    }

    public Pn532Status status() {
        return Pn532Status.of(code);
    }
}
