package com.tagline.hardware;

/**
 * Root of Tagline's unchecked exception tree (architecture §4). Layers below it mirror the radio
 * path: transport, frame, PN532 status, tag lost, chip status, secure messaging, platform.
 *
 * <p>Messages never contain key material, session keys or tokens.
 */
public class TaglineException extends RuntimeException {
    public TaglineException(String message) {
        super(message);
    }

    public TaglineException(String message, Throwable cause) {
        super(message, cause);
    }
}
