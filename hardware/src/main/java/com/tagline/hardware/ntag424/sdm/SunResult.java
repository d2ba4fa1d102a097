package com.tagline.hardware.ntag424.sdm;

import java.util.HexFormat;

/**
 * Outcome of a SUN check: validity, the UID and counter the message carries (null when not
 * mirrored or not decryptable), decrypted ENC file data as hex, and why it is invalid.
 */
public record SunResult(boolean valid, byte[] uid, Integer counter, String data, String reason) {
    public SunResult {
        uid = uid == null ? null : uid.clone();
    }

    static SunResult invalid(String reason) {
        return new SunResult(false, null, null, null, reason);
    }

    @Override
    public byte[] uid() {
        return uid == null ? null : uid.clone();
    }

    public String uidHex() {
        return uid == null ? null : HexFormat.of().withUpperCase().formatHex(uid);
    }
}
