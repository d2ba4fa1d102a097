package com.tagline.hardware.keys;

import com.tagline.hardware.TaglineException;

/** A key file is missing, unsafe or malformed; the message names the file and field. */
public class KeyFileException extends TaglineException {
    public KeyFileException(String message) {
        super(message);
    }
}
