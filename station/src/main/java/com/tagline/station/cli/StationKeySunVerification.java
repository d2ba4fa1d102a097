package com.tagline.station.cli;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.sun.SunMessage;
import com.tagline.hardware.ntag223.sun.SunMessageResult;
import com.tagline.hardware.ntag223.sun.SunMessageVerifier;
import com.tagline.hardware.ntag424.sdm.SunParameters;
import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunVerifier;
import com.tagline.station.run.Recipes;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code sun-verify --keys FILE}: a chip this station personalized, checked with the station's own master keys
 * (the key file the station reads, by the same {@code KeyFile} rules). Each chip's keys are diversified per
 * chip (AN10922 with its UID, {@link Recipes#sunKeys}) and never printed, so this is how a line engineer checks
 * one: the UID is taken from the URL and the SUN keys are derived as the recipes derive them.
 *
 * <ul>
 *   <li>NTAG 223 DNA: the SUN message carries the UID in plain (ntag223.md §6.1).</li>
 *   <li>NTAG 424 DNA: a plain {@code uid} mirror carries it. The station's default template mirrors encrypted
 *       PICCData instead (NT4H2421Gx §9.3.4), encrypted with the chip's own diversified meta-read key, so the
 *       UID cannot be read from such a URL without the key it selects: {@code --uid} gives it (nfc-list shows a
 *       chip's UID; {@code export-associations} lists those of configured chips). A wrong one cannot verify.</li>
 * </ul>
 *
 * <p>Malformed input is {@link IllegalArgumentException} (exit 2).
 */
final class StationKeySunVerification {
    private StationKeySunVerification() {
    }

    /** An NTAG 223 DNA URL: the message found as {@code sun-verify --key} finds it, checked with the chip's SUNCMAC_KEY. */
    static SunMessageResult ntag223(String url, MasterKeySet keys, String parameterName) {
        String text = parameterName != null ? SunMessageVerifier.findMessage(url, parameterName)
                : Ntag223SunVerification.firstShapedValue(url);
        SunMessage message = SunMessage.parse(text);
        return SunMessageVerifier.verify(message, Recipes.sunKeys(keys, message.uid()).suncmac());
    }

    /**
     * An NTAG 424 DNA URL: the UID from its plain mirror or {@code uid}; the message must carry that UID.
     *
     * @param uid the chip's UID from {@code --uid}, if given
     */
    static SunResult ntag424(String url, MasterKeySet keys, Optional<byte[]> uid, SunVerifier.Names names) {
        Optional<byte[]> mirrored = SunParameters.parse(url).find(null, SunParameters.UID_NAMES)
                .map(v -> uid(v.text(), "the URL's uid parameter"));
        if (mirrored.isPresent() && uid.isPresent() && !Arrays.equals(mirrored.get(), uid.get())) {
            throw new IllegalArgumentException("--uid " + hex(uid.get()) + " is not the UID the URL mirrors ("
                    + hex(mirrored.get()) + ")");
        }
        byte[] chip = mirrored.or(() -> uid).orElseThrow(() -> new IllegalArgumentException("the URL mirrors no"
                + " UID in plain: its PICCData is encrypted with the chip's own key, derived from the UID; give the"
                + " chip's UID with --uid (nfc-list shows it, export-associations lists configured chips')"));
        Recipes.SunKeys k = Recipes.sunKeys(keys, chip);
        SunResult r = SunVerifier.verify(url, k.metaRead(), k.fileRead(), names);
        if (!r.valid() && mirrored.isEmpty()) {
            return new SunResult(false, r.uid(), r.counter(), null, r.reason() + "; with the keys of chip " + hex(chip)
                    + " (is --uid this chip's UID, and the key file the station's?)");
        }
        if (r.valid() && r.uid() != null && !Arrays.equals(r.uid(), chip)) {
            return new SunResult(false, r.uid(), r.counter(), null, "the SUN message carries UID " + r.uidHex()
                    + ", not " + hex(chip));
        }
        return r;
    }

    /** A 7-byte UID in hex, as the station diversifies with. */
    static byte[] uid(String text, String what) {
        try {
            byte[] b = HexFormat.of().parseHex(text.strip());
            if (b.length == 7) {
                return b;
            }
        } catch (IllegalArgumentException e) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException(what + " must be a 7-byte UID, 14 hex digits, got '" + text + "'");
    }

    private static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }
}
