package com.tagline.hardware.line;

import com.tagline.hardware.TaglineException;

/** Line I/O could not be opened or driven; pi4j's exceptions are translated into this one. */
public class LineIoException extends TaglineException {
    public LineIoException(String message) {
        super(message);
    }

    public LineIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
