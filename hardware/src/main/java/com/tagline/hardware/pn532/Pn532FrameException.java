package com.tagline.hardware.pn532;

import com.tagline.hardware.TaglineException;

/**
 * The PN532 answered, but not as the protocol says: the syntax-error frame (UM0701-02 §6.2.1.5),
 * a response with the wrong TFI, or a payload that does not fit the command. The reader's state is
 * doubtful; re-initialise it.
 */
public class Pn532FrameException extends TaglineException {
    public Pn532FrameException(String message) {
        super(message);
    }
}
