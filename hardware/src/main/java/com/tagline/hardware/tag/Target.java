package com.tagline.hardware.tag;

import java.util.HexFormat;

/**
 * One activated ISO 14443-A target as the reader saw it at anticollision: UID, ATQA, SAK and, for
 * ISO-DEP targets, the ATS (empty for Type 2 targets). Byte arrays are copied in and out.
 */
public record Target(byte[] uid, int atqa, int sak, byte[] ats) {
    public Target {
        uid = uid.clone();
        ats = ats == null ? new byte[0] : ats.clone();
    }

    @Override
    public byte[] uid() {
        return uid.clone();
    }

    @Override
    public byte[] ats() {
        return ats.clone();
    }

    /** ISO 14443-4 compliant (SAK bit 6), i.e. speaks APDUs (ISO/IEC 14443-3 §6.5.3.4). */
    public boolean isoDep() {
        return (sak & 0x20) != 0;
    }

    public String uidHex() {
        return HexFormat.of().withUpperCase().formatHex(uid);
    }

    @Override
    public String toString() {
        return "Target[uid=" + uidHex() + ", atqa=" + String.format("%04X", atqa) + ", sak="
                + String.format("%02X", sak) + ", ats=" + HexFormat.of().withUpperCase().formatHex(ats) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target t && java.util.Arrays.equals(uid, t.uid) && atqa == t.atqa && sak == t.sak
                && java.util.Arrays.equals(ats, t.ats);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(uid) * 31 + sak;
    }
}
