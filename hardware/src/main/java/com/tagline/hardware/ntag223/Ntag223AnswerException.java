package com.tagline.hardware.ntag223;

import com.tagline.hardware.TaglineException;

/**
 * The tag answered something that is neither the expected data nor a 4-bit ACK/NAK (wrong length,
 * an ACK where data was due). The tag's state is unknown; treat it like a lost tag.
 */
public class Ntag223AnswerException extends TaglineException {
    public Ntag223AnswerException(String message) {
        super(message);
    }
}
