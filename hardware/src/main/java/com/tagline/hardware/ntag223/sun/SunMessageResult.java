package com.tagline.hardware.ntag223.sun;

import java.util.Objects;

/**
 * Outcome of checking one NTAG 223 DNA SUN message: validity, the message as parsed (UID, counter,
 * tamper field, MAC) and why it is invalid.
 *
 * @param valid the MAC matches the key
 * @param message the parsed message (never null)
 * @param reason why it is not valid, null when valid
 */
public record SunMessageResult(boolean valid, SunMessage message, String reason) {
    public SunMessageResult {
        Objects.requireNonNull(message);
    }

    public byte[] uid() {
        return message.uid();
    }

    public String uidHex() {
        return message.uidHex();
    }

    public int counter() {
        return message.counter();
    }

    /** The tamper field, null on a plain NTAG 223 DNA. */
    public TamperStatus tamper() {
        return message.tamper();
    }
}
