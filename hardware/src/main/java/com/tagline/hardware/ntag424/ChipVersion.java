package com.tagline.hardware.ntag424;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * GetVersion's three frames (DS §10.5.2): hardware and software identification, then UID, batch
 * and production date.
 */
public record ChipVersion(byte[] hardware, byte[] software, byte[] production) {
    public static final int VENDOR_NXP = 0x04;
    public static final int TYPE_NTAG = 0x04;

    public ChipVersion {
        hardware = hardware.clone();
        software = software.clone();
        production = production.clone();
    }

    public int vendorId() {
        return hardware[0] & 0xFF;
    }

    public int hardwareType() {
        return hardware[1] & 0xFF;
    }

    /** 0x11: 256 &lt; storage &lt; 512 bytes, the NTAG 424 DNA size code. */
    public int storageSize() {
        return hardware[5] & 0xFF;
    }

    public byte[] uid() {
        return Arrays.copyOf(production, 7);
    }

    /** NXP, NTAG family, HW 30.00 and NTAG 424 DNA storage (ntag424.md §1). */
    public boolean looksLikeNtag424() {
        return hardware.length == 7 && vendorId() == VENDOR_NXP && hardwareType() == TYPE_NTAG
                && (hardware[3] & 0xFF) == 0x30 && storageSize() == 0x11;
    }

    @Override
    public byte[] hardware() {
        return hardware.clone();
    }

    @Override
    public byte[] software() {
        return software.clone();
    }

    @Override
    public byte[] production() {
        return production.clone();
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of().withUpperCase();
        return "ChipVersion[hw=" + hex.formatHex(hardware) + ", sw=" + hex.formatHex(software) + ", prod="
                + hex.formatHex(production) + "]";
    }
}
