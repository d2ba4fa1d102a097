package com.tagline.hardware.tag;

/**
 * A command to the chip may or may not have reached it: the reader did not acknowledge the frame that
 * carried it in time, and sending it again could make the chip execute it twice (a second ChangeKey with
 * a stale command counter, a second write). The exchange was aborted; the chip's session state is
 * unknown, so the secure session is dead and the caller must resume from what the chip shows after
 * activating it again (architecture §4: after a timeout the state is unknown).
 */
public class ExchangeInDoubtException extends TagLostException {
    public ExchangeInDoubtException(String message) {
        super(message);
    }
}
