package com.tagline.hardware.ndef;

/**
 * A tag URL with its SUN message does not fit the chip's NDEF storage (outcome reason
 * {@code url_too_long}): the NTAG 424 DNA NDEF file, or the NTAG 223 DNA user memory holding the NDEF
 * TLV and terminator. Thrown before any chip is touched; the message says how many bytes are too many.
 */
public class UrlDoesNotFitException extends IllegalArgumentException {
    private final int needed;
    private final int available;

    /**
     * @param storage what the URL must fit, e.g. "NTAG 424 DNA NDEF file"
     */
    public UrlDoesNotFitException(String url, String storage, int needed, int available) {
        super("URL needs " + needed + " bytes of " + storage + " with its SUN message but only " + available
                + " are available (" + (needed - available) + " too many): " + url);
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
