package com.tagline.station.personalize;

import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Snapshot;
import com.tagline.hardware.ntag223.Ntag223Variant;

/**
 * An NTAG 223 DNA's observable state read without a password (ntag223.md §7 steps 1–2): UID, variant,
 * configuration pages, whether user memory holds our NDEF and whether the mirrored SUN message verifies
 * with our derived key, with the classification drawn from them. Fields other than state and detail are
 * null on a rejected chip. Arrays are copied in and out.
 *
 * @param memory header, user memory and configuration as read (the recipe writes only what differs)
 * @param ndefOurs user memory holds the recipe's NDEF (message area ignored)
 * @param sunOurs the mirror is on at our offset and the message verifies with our derived SUNCMAC_KEY
 */
public record Ntag223Inspection(String uidHex, byte[] uid, ChipState state, Ntag223Variant variant,
        Ntag223Snapshot memory, boolean ndefOurs, boolean sunOurs, String detail) {
    public Ntag223Inspection {
        uid = uid == null ? null : uid.clone();
    }

    @Override
    public byte[] uid() {
        return uid == null ? null : uid.clone();
    }

    /** The configuration pages as read; null on a rejected chip. */
    public Ntag223Config config() {
        return memory == null ? null : memory.config();
    }

    static Ntag223Inspection rejected(String uidHex, ChipState state, String detail) {
        return new Ntag223Inspection(uidHex, null, state, null, null, false, false, detail);
    }
}
