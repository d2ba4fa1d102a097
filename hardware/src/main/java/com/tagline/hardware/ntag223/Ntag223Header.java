package com.tagline.hardware.ntag223;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Pages 00h–03h of a Type 2 tag (ntag223.md §2.1): UID0 UID1 UID2 BCC0 | UID3..UID6 | BCC1, internal,
 * LOCK0, LOCK1 | capability container. Immutable; arrays are copied.
 */
public record Ntag223Header(byte[] pages) {
    public static final int LENGTH = 16;
    /** Cascade tag CT = 88h in BCC0 (ISO/IEC 14443-3 §6.5.4). */
    private static final int CASCADE_TAG = 0x88;

    public Ntag223Header {
        if (pages.length != LENGTH) {
            throw new IllegalArgumentException("pages 00h-03h are 16 bytes");
        }
        pages = pages.clone();
    }

    @Override
    public byte[] pages() {
        return pages.clone();
    }

    public byte[] uid() {
        return new byte[] {pages[0], pages[1], pages[2], pages[4], pages[5], pages[6], pages[7]};
    }

    /** BCC0 = CT ⊕ UID0 ⊕ UID1 ⊕ UID2 and BCC1 = UID3 ⊕ … ⊕ UID6 both hold. */
    public boolean checkBytesValid() {
        int bcc0 = CASCADE_TAG ^ pages[0] ^ pages[1] ^ pages[2];
        int bcc1 = pages[4] ^ pages[5] ^ pages[6] ^ pages[7];
        return (bcc0 & 0xFF) == (pages[3] & 0xFF) && (bcc1 & 0xFF) == (pages[8] & 0xFF);
    }

    /** Static lock bytes LOCK0, LOCK1 (page 02h bytes 2–3). */
    public int lock0() {
        return pages[10] & 0xFF;
    }

    public int lock1() {
        return pages[11] & 0xFF;
    }

    public byte[] capabilityContainer() {
        return Arrays.copyOfRange(pages, 12, 16);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ntag223Header h && Arrays.equals(pages, h.pages);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pages);
    }

    @Override
    public String toString() {
        return "Ntag223Header[" + HexFormat.of().withUpperCase().formatHex(pages) + "]";
    }
}
