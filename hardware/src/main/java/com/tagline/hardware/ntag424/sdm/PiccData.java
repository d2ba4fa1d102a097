package com.tagline.hardware.ntag424.sdm;

/** Decrypted PICCData: the UID and SDMReadCtr, each null when not mirrored (DS §9.3.4). */
public record PiccData(byte[] uid, Integer readCounter) {
    public PiccData {
        uid = uid == null ? null : uid.clone();
    }

    @Override
    public byte[] uid() {
        return uid == null ? null : uid.clone();
    }
}
