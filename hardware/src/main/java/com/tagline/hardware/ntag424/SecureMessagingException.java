package com.tagline.hardware.ntag424;

import com.tagline.hardware.TaglineException;

/**
 * Secure messaging failed on the host side: a response MAC did not verify, padding was malformed,
 * the command counter ran out, or authentication did not prove the chip knows the key. The session
 * is dead after this (DS §9.1.9).
 */
public class SecureMessagingException extends TaglineException {
    public SecureMessagingException(String message) {
        super(message);
    }
}
