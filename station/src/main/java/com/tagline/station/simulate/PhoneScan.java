package com.tagline.station.simulate;

import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.ndef.NdefUri;
import com.tagline.hardware.ntag223.Ntag223;
import com.tagline.hardware.ntag223.Ntag223Keys;
import com.tagline.hardware.ntag223.Ntag223Memory;
import com.tagline.hardware.ntag223.sun.SunMessageResult;
import com.tagline.hardware.ntag223.sun.SunMessageVerifier;
import com.tagline.hardware.ntag424.Ntag424;
import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunVerifier;
import com.tagline.hardware.tag.TagLink;
import java.util.Arrays;

/**
 * Reads a chip the way a phone does (NFC Forum Type 4 Tag NDEF detection: select the NDEF
 * application, the NDEF file, read NLEN then the message with ISOReadBinary) and verifies its SUN
 * message independently of the recipe's own check. NTAG 223 DNA: NFC Forum Type 2 Tag NDEF read (FAST_READ
 * of user memory, first NDEF TLV; ntag223.md §6.4) and the SUN CMAC of ntag223.md §6.2.
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

    /** The URL a phone reads from an NTAG 223 DNA (Type 2 Tag: the first NDEF TLV in user memory). */
    public static String readType2(TagLink link) {
        byte[] message = new Ntag223Memory(new Ntag223(link)).readNdefMessage()
                .orElseThrow(() -> new IllegalArgumentException("the tag holds no NDEF message"));
        return NdefUri.parse(message).uri();
    }

    /** Checks an NTAG 223 DNA SUN URL with the chip's derived SUNCMAC_KEY ({@link Ntag223Keys}). */
    public static SunMessageResult verifyNtag223(String url, ChipKeys keys) {
        return SunMessageVerifier.verifyUrl(url, Ntag223Keys.sunKey(keys), null);
    }
}
