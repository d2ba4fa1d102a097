package com.tagline.station.platform;

/**
 * The platform answered, but not as the contract says: a body that is not JSON, a missing member,
 * a result list of the wrong length. Whether the request was applied is unknown.
 */
public class PlatformProtocolException extends PlatformException {
    public PlatformProtocolException(String message) {
        super(message);
    }

    public PlatformProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
