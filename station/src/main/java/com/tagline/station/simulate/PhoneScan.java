package com.tagline.station.simulate;

import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.ndef.NdefUri;
import com.tagline.hardware.ntag424.Ntag424;
import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunVerifier;
import com.tagline.hardware.tag.TagLink;
import java.util.Arrays;

/**
 * Reads a chip the way a phone does (NFC Forum Type 4 Tag NDEF detection: select the NDEF
 * application, the NDEF file, read NLEN then the message with ISOReadBinary) and verifies its SUN
 * message independently of the recipe's own check.
 */
public final class PhoneScan {
    private PhoneScan() {}

    /** The scanned URL. */
    public static String read(TagLink link) {
        Ntag424 chip = new Ntag424(link);
        chip.isoSelectApplication();
        chip.isoSelectFile(Ntag424.FID_NDEF);
        byte[] nlen = chip.isoReadBinary(0, 2);
        int len = (nlen[0] & 0xFF) << 8 | (nlen[1] & 0xFF);
        byte[] message = chip.isoReadBinary(2, len);
        return NdefUri.parse(Arrays.copyOf(message, len)).uri();
    }

    public static SunResult verify(String url, ChipKeys keys, int metaKeyNo, int fileKeyNo) {
        return SunVerifier.verify(url, keys.key(metaKeyNo), keys.key(fileKeyNo), SunVerifier.Names.auto());
    }
}
