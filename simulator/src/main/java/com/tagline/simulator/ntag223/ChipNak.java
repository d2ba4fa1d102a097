package com.tagline.simulator.ntag223;

/**
 * A command failed with a 4-bit NAK (ntag223.md §4). Control flow inside the simulated chip: the
 * dispatcher answers the NAK byte; never seen by hosts, hence no stack trace.
 */
final class ChipNak extends RuntimeException {
    static final int INVALID_ARGUMENT = 0x0;
    static final int AUTHENTICATION_COUNTER_OVERFLOW = 0x4;

    private final int code;

    ChipNak(int code) {
        super("NAK " + code, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }
}
