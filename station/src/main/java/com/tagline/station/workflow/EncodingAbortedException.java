package com.tagline.station.workflow;

import com.tagline.hardware.TaglineException;

/** The encoder was told to stop (e-stop, shutdown) before the next recipe step touched the chip. */
public class EncodingAbortedException extends TaglineException {
    public EncodingAbortedException(String message) {
        super(message);
    }
}
