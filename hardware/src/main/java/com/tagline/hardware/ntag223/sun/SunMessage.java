package com.tagline.hardware.ntag223.sun;

import com.tagline.hardware.ntag223.Ntag223Variant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SUN message as the chip mirrors it into the NDEF (ntag223.md §6.1), uppercase hex with 'x'
 * separators: {@code UUUUUUUUUUUUUU x CCCCCC x MMMMMMMMMMMMMMMM} (38 characters), or on StatusDetect
 * {@code UUUUUUUUUUUUUU x CCCCCC x SSTTTTTTTT x MMMMMMMMMMMMMMMM} (49). The counter is MSB first.
 * Immutable; arrays are copied.
 *
 * @param uid 7-byte UID
 * @param counter 24-bit NFC counter (0 when the counter is disabled)
 * @param tamper the tamper field, null on a plain NTAG 223 DNA
 * @param mac the 8 MAC bytes as mirrored (not checked here)
 */
public record SunMessage(byte[] uid, int counter, TamperStatus tamper, byte[] mac) {
    public static final char SEPARATOR = 'x';
    /** The message shape anywhere in a string: UID x CTR x [tamper x] MAC (§6.1). */
    public static final Pattern SHAPE =
            Pattern.compile("[0-9A-F]{14}x[0-9A-F]{6}x(?:[0-9A-FCOI]{2}[0-9A-F]{8}x)?[0-9A-F]{16}");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    public SunMessage {
        if (uid.length != SunCmac.UID_LENGTH || mac.length != 8) {
            throw new IllegalArgumentException("SUN message needs a 7-byte UID and an 8-byte MAC");
        }
        if (counter < 0 || counter > SunCmac.MAX_COUNTER) {
            throw new IllegalArgumentException("NFC counter is 24 bits, got " + counter);
        }
        uid = uid.clone();
        mac = mac.clone();
    }

    /** The message a chip with {@code key} mirrors (used by the simulator and by tests). */
    public static SunMessage compute(byte[] key, byte[] uid, int counter, TamperStatus tamper) {
        return new SunMessage(uid, counter, tamper, SunCmac.mac(key, uid, counter, tamper));
    }

    /**
     * Parses a mirrored message of 38 or 49 characters.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static SunMessage parse(String text) {
        Objects.requireNonNull(text);
        if (text.length() != Ntag223Variant.PLAIN.messageLength()
                && text.length() != Ntag223Variant.STATUS_DETECT.messageLength()) {
            throw new IllegalArgumentException("SUN message must be 38 or 49 characters (StatusDetect), got "
                    + text.length() + ": " + text);
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("SUN message is not UIDxCTRx[TTx]MAC in uppercase hex: " + text);
        }
        byte[] uid = HEX.parseHex(text, 0, 14);
        int counter = Integer.parseInt(text.substring(15, 21), 16);
        boolean sd = text.length() == Ntag223Variant.STATUS_DETECT.messageLength();
        TamperStatus tamper = sd ? TamperStatus.parse(text.substring(22, 32)) : null;
        byte[] mac = HEX.parseHex(text, text.length() - 16, text.length());
        return new SunMessage(uid, counter, tamper, mac);
    }

    @Override
    public byte[] uid() {
        return uid.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    public String uidHex() {
        return HEX.formatHex(uid);
    }

    public Ntag223Variant variant() {
        return tamper == null ? Ntag223Variant.PLAIN : Ntag223Variant.STATUS_DETECT;
    }

    /** The mirrored ASCII text. */
    public String text() {
        StringBuilder sb = new StringBuilder(HEX.formatHex(uid)).append(SEPARATOR)
                .append(String.format("%06X", counter)).append(SEPARATOR);
        if (tamper != null) {
            sb.append(tamper.text()).append(SEPARATOR);
        }
        return sb.append(HEX.formatHex(mac)).toString();
    }

    /** The CMAC input this message's MAC covers (§6.2). */
    public byte[] macInput() {
        return SunCmac.input(uid, counter, tamper);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SunMessage s && text().equals(s.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return "SunMessage[" + text() + "]";
    }
}
