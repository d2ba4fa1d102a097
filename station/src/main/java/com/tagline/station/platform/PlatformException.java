package com.tagline.station.platform;

import com.tagline.hardware.TaglineException;

/**
 * A platform call did not give a usable answer (architecture §4, platform errors). Subclasses say
 * whether the request may have been applied, which decides how sync retries it.
 *
 * <p>Messages name the endpoint and what went wrong, never the API token.
 */
public class PlatformException extends TaglineException {
    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
