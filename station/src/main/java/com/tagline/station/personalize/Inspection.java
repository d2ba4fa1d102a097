package com.tagline.station.personalize;

import com.tagline.hardware.ntag424.FileSettings;
import java.util.List;

/**
 * The chip's observable state read without authentication: UID, key versions and the NDEF file's
 * settings, with the classification drawn from them. {@code keyVersions} holds key 0 only when the
 * settings and key 0 are factory (keys 1–4 were not read, {@link ChipInspector}), else keys 0..4.
 */
public record Inspection(String uidHex, byte[] uid, ChipState state, List<Integer> keyVersions,
        FileSettings ndefSettings, String detail) {
    public Inspection {
        uid = uid == null ? null : uid.clone();
        keyVersions = keyVersions == null ? List.of() : List.copyOf(keyVersions);
    }

    @Override
    public byte[] uid() {
        return uid == null ? null : uid.clone();
    }

    static Inspection rejected(String uidHex, ChipState state, String detail) {
        return new Inspection(uidHex, null, state, List.of(), null, detail);
    }
}
