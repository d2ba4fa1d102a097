package com.tagline.hardware.tag;

import com.tagline.hardware.TaglineException;

/** The path to the reader (serial link, TCP server, pipe) failed or timed out. */
public class TransportException extends TaglineException {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
