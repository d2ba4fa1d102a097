package com.tagline.hardware.ntag223;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The 8-byte GET_VERSION answer of a Type 2 tag (ntag223.md §1.1): header, vendor, product type,
 * subtype, major and minor product version, storage size, protocol type. Arrays are copied in and out.
 */
public record Ntag223Version(byte[] bytes) {
    public static final int LENGTH = 8;
    public static final int VENDOR_NXP = 0x04;
    public static final int TYPE_NTAG = 0x04;
    /** Major product version of NTAG 223 DNA (224 DNA: 05h, NTAG213: 01h). */
    public static final int MAJOR_NTAG223 = 0x04;
    /** Storage size byte: "between 2^7 and 2^8 bytes" (144 bytes of user memory). */
    public static final int SIZE_NTAG223 = 0x0F;
    /** ISO/IEC 14443-3 compliant. */
    public static final int PROTOCOL_14443_3 = 0x03;

    public Ntag223Version {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("GET_VERSION answers 8 bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int vendorId() {
        return bytes[1] & 0xFF;
    }

    public int productType() {
        return bytes[2] & 0xFF;
    }

    public int productSubtype() {
        return bytes[3] & 0xFF;
    }

    public int majorVersion() {
        return bytes[4] & 0xFF;
    }

    public int minorVersion() {
        return bytes[5] & 0xFF;
    }

    public int storageSize() {
        return bytes[6] & 0xFF;
    }

    public int protocolType() {
        return bytes[7] & 0xFF;
    }

    /** Which NTAG 223 DNA this is: {@code 00 04 04 ?? 04 00 0F 03} with subtype 02h or 08h (§1.1). */
    public Optional<Ntag223Variant> variant() {
        boolean family = (bytes[0] & 0xFF) == 0x00 && vendorId() == VENDOR_NXP && productType() == TYPE_NTAG
                && majorVersion() == MAJOR_NTAG223 && minorVersion() == 0x00 && storageSize() == SIZE_NTAG223
                && protocolType() == PROTOCOL_14443_3;
        return family ? Ntag223Variant.ofSubtype(productSubtype()) : Optional.empty();
    }

    public boolean isNtag223() {
        return variant().isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ntag223Version v && java.util.Arrays.equals(bytes, v.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ntag223Version[" + HexFormat.of().withUpperCase().formatHex(bytes) + "]";
    }
}
