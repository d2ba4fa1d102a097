package com.tagline.station.ixkio;

import com.tagline.hardware.ndef.UrlDoesNotFitException;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Profile;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorLayout;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag424.sdm.SunLayout;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Ntag223Recipe;
import com.tagline.station.personalize.Ntag424Recipe;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a tag URL, with the SUN parameters of its protocol added, fits the chip: the very layout the
 * personalizers make before touching a chip ({@link SunLayout#build}, {@link MirrorLayout#build} for
 * every accepted NTAG 223 DNA variant), so an import rejects exactly what the line would reject as
 * {@code url_too_long}.
 */
@FunctionalInterface
public interface ChipUrlFit {
    /**
     * @throws UrlDoesNotFitException when the URL with its SUN message does not fit
     * @throws IllegalArgumentException when the URL's SUN placeholders are wrong for the protocol
     */
    void check(ChipProtocol protocol, String url);

    /** The line's recipes: their templates, NDEF file size, page map and accepted variants. */
    static ChipUrlFit of(Ntag424Recipe ntag424, Ntag223Recipe ntag223) {
        return (protocol, url) -> {
            if (protocol == ChipProtocol.NTAG_424_DNA) {
                checkSunPlaceholders(url);
                ntag424.layout(url);
            } else {
                for (Ntag223Variant v : ntag223.variants()) {
                    ntag223.layout(url, v);
                }
            }
        };
    }

    /**
     * The default templates ({@link SunTemplate#defaults()}, {@link MirrorTemplate#defaults()}), the
     * 256-byte NDEF file and the default NTAG 223 DNA page map with both variants — what the recipes'
     * {@code of(...)} factories use.
     */
    static ChipUrlFit defaults() {
        SunTemplate sun = SunTemplate.defaults();
        MirrorTemplate mirror = MirrorTemplate.defaults();
        MemoryMap pages = Ntag223Profile.defaults().pages();
        return (protocol, url) -> {
            if (protocol == ChipProtocol.NTAG_424_DNA) {
                checkSunPlaceholders(url);
                SunLayout.build(url, sun, null, Ntag424Recipe.NDEF_FILE_SIZE);
            } else {
                for (Ntag223Variant v : Ntag223Variant.values()) {
                    MirrorLayout.build(url, mirror, v, pages);
                }
            }
        };
    }

    /**
     * NTAG 424 DNA URLs may only hold SunTemplate's placeholders; SunTemplate passes any other
     * {@code {...}} through as text, which would end up on the chip literally.
     */
    private static void checkSunPlaceholders(String url) {
        Matcher m = Pattern.compile("\\{[^}]*}").matcher(url);
        while (m.find()) {
            if (!m.group().matches("\\{(picc|uid|ctr|enc|mac)}")) {
                throw new IllegalArgumentException("unknown SUN placeholder " + m.group()
                        + " (known: {picc} {uid} {ctr} {enc} {mac})");
            }
        }
    }
}
