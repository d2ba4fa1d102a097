package com.tagline.hardware.ntag223;

import java.util.Optional;

/**
 * The two NTAG 223 DNA products (ntag223.md §1.1): the plain NT2H2331G0 and the StatusDetect
 * NT2H2331S0, told apart by the GET_VERSION subtype byte. The variant fixes the SUN message length
 * (§6.1: 38 characters, 49 with the tamper field).
 */
public enum Ntag223Variant {
    /** NT2H2331G0: GET_VERSION {@code 00 04 04 02 04 00 0F 03} [confirmed]. */
    PLAIN(0x02, 38),
    /** NT2H2331S0: GET_VERSION {@code 00 04 04 08 04 00 0F 03} [confirmed]. */
    STATUS_DETECT(0x08, 49);

    private final int subtype;
    private final int messageLength;

    Ntag223Variant(int subtype, int messageLength) {
        this.subtype = subtype;
        this.messageLength = messageLength;
    }

    /** GET_VERSION byte 3 (ntag223.md §1.1). */
    public int subtype() {
        return subtype;
    }

    /** Length of the ASCII SUN message the chip mirrors (ntag223.md §6.1). */
    public int messageLength() {
        return messageLength;
    }

    public boolean statusDetect() {
        return this == STATUS_DETECT;
    }

    /** The 8 GET_VERSION bytes this variant answers (ntag223.md §1.1). */
    public byte[] versionBytes() {
        return new byte[] {0x00, 0x04, 0x04, (byte) subtype, 0x04, 0x00, 0x0F, 0x03};
    }

    /** The variant with this GET_VERSION subtype, empty for any other. */
    public static Optional<Ntag223Variant> ofSubtype(int subtype) {
        for (Ntag223Variant v : values()) {
            if (v.subtype == subtype) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
