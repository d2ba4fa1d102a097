package com.tagline.simulator.ntag424;

import com.tagline.hardware.ntag424.StatusWord;

/**
 * A command failed with a status word. The dispatcher answers the bare status word (no MAC) and drops
 * any authentication, as DS §9.1.9/§9.1.10 require for every error while authenticated.
 *
 * <p>Carries no stack trace: it is control flow inside the simulated chip, never seen by hosts.
 */
final class ChipError extends RuntimeException {
    private final StatusWord status;

    ChipError(StatusWord status) {
        super(status.name(), null, false, false);
        this.status = status;
    }

    StatusWord status() {
        return status;
    }
}
