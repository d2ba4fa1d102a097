package com.tagline.station.personalize;

import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.ndef.NdefUri;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.Ntag424;
import com.tagline.hardware.ntag424.sdm.SunLayout;
import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunVerifier;
import java.util.Arrays;

/**
 * Post-write verification (ntag424.md §11 step 4), two commands: read the NDEF unauthenticated like a phone
 * and check its static bytes and the SUN message with the derived keys (valid MAC, the chip's UID, counter ≥ 1),
 * then prove key 0 with one AuthenticateEV2First. The other keys need no read-back: the SUN proves the SDM keys,
 * and each ChangeKey of keys 1–4 in this run was answered with a response MAC under the session key (DS §9.1.3,
 * §10.6.1), which only a chip that applied the new key and version can send; keys not changed in this run were
 * read at inspection with the key-set version. Key 0's version is set by the same ChangeKey as its value, which
 * the authentication proves. Not thread-safe; one per personalizer thread.
 */
final class SunCheck {
    private final Ntag424Recipe recipe;
    private String lastUrl;

    SunCheck(Ntag424Recipe recipe) {
        this.recipe = recipe;
    }

    /** Null when the chip verifies, else what did not match. */
    String verify(Ntag424 chip, SunLayout layout, ChipKeys keys) {
        lastUrl = null;
        chip.dropSession();
        byte[] file = chip.readData(Ntag424.FILE_NDEF, 0, layout.ndefFile().length, CommMode.PLAIN);
        int nlen = (file[0] & 0xFF) << 8 | (file[1] & 0xFF);
        if (nlen + SunLayout.NLEN_SIZE > file.length) {
            return "NDEF length " + nlen + " exceeds what was written";
        }
        String url;
        try {
            url = NdefUri.parse(Arrays.copyOfRange(file, SunLayout.NLEN_SIZE, SunLayout.NLEN_SIZE + nlen)).uri();
        } catch (IllegalArgumentException e) {
            return "NDEF does not hold a URI record: " + e.getMessage();
        }
        lastUrl = url;
        if (!layout.holdsThisRecord(file)) {
            return "NDEF holds another URL (" + url + "), not this tag's; a chip is never reported for a tag"
                    + " whose URL it does not carry";
        }
        int meta = recipe.template().metaReadKey();
        int fileKey = recipe.template().fileReadKey();
        SunResult sun;
        try {
            sun = SunVerifier.verify(url, keys.key(meta), keys.key(fileKey), SunVerifier.Names.auto());
        } catch (IllegalArgumentException e) {
            return "SUN URL is malformed: " + e.getMessage();
        }
        if (!sun.valid()) {
            return "SUN message did not verify: " + sun.reason();
        }
        if (sun.uid() != null && !Arrays.equals(sun.uid(), chip.link().target().uid())) {
            return "SUN message carries UID " + sun.uidHex() + ", not the chip's";
        }
        if (sun.counter() != null && sun.counter() < 1) {
            return "SDM read counter did not advance";
        }
        chip.authenticateEv2First(0, keys.key(0));
        chip.dropSession();
        return null;
    }

    String lastUrl() {
        return lastUrl;
    }
}
