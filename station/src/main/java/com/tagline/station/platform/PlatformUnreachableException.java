package com.tagline.station.platform;

/**
 * No answer: connection refused, reset or closed, or the call ran out of time. The request may or may
 * not have been applied (the ambiguous case of architecture §5); a report is reconciled or re-sent,
 * which the contract makes safe (platform-api §1.2, {@code duplicate}).
 */
public class PlatformUnreachableException extends PlatformException {
    public PlatformUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
