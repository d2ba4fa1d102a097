package com.tagline.hardware.tag;

import com.tagline.hardware.TaglineException;

/** The target left the field, or did not answer within its frame waiting time. Its state is unknown. */
public class TagLostException extends TaglineException {
    public TagLostException(String message) {
        super(message);
    }
}
