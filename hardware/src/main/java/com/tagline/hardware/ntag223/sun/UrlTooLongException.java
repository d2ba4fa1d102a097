package com.tagline.hardware.ntag223.sun;

/**
 * A tag URL with its SUN message does not fit the chip's user memory (outcome reason
 * {@code url_too_long}). {@link #needed()} counts the whole NDEF TLV — type, length, URI record with
 * the 38/49-character message, and the Terminator TLV — against {@link #available()} user bytes.
 */
public class UrlTooLongException extends IllegalArgumentException {
    private final int needed;
    private final int available;

    public UrlTooLongException(String url, int needed, int available) {
        super("URL needs " + needed + " bytes of NTAG 223 DNA user memory (NDEF TLV with the SUN message and the"
                + " terminator) but only " + available + " are available (" + (needed - available)
                + " too many): " + url);
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
