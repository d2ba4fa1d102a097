package com.tagline.hardware.ntag424.sdm;

/** A tag URL with its SUN message does not fit the chip's NDEF file (reason {@code url_too_long}). */
public class UrlDoesNotFitException extends IllegalArgumentException {
    private final int needed;
    private final int available;

    public UrlDoesNotFitException(String url, int needed, int available) {
        super("URL needs " + needed + " bytes of NDEF file with its SUN message but the chip has " + available
                + " (" + (needed - available) + " too many): " + url);
        this.needed = needed;
        this.available = available;
    }

    public int needed() {
        return needed;
    }

    public int available() {
        return available;
    }
}
