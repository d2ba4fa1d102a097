package com.tagline.simulator.pn532;

/**
 * Ends the command being processed without a response: the host sent an ACK (abort, UM0701-02
 * §6.2.1.3) or the emulator is stopping. Control flow inside the emulator thread only.
 */
final class CommandAborted extends RuntimeException {
    CommandAborted(String reason) {
        super(reason, null, false, false);
    }
}
