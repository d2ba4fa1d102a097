package com.tagline.station.personalize;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Profile;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorLayout;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the NTAG 223 DNA recipe needs besides the chip and the tag: master keys, the SUN mirror
 * template, the originality trust list (ntag223.md §8), the chip profile ([inferred] page map and
 * configuration bits, §13), the variants the line accepts, where password protection starts and whether
 * a StatusDetect chip shows its tamper field.
 *
 * <p>A URL is laid out for every accepted variant before a chip is touched, so a URL that fits a plain
 * chip's 38-character message but not a StatusDetect chip's 49 is rejected up front when both are
 * accepted (ntag223.md §6.1, §6.4): {@code url_too_long} never costs a frame.
 *
 * @param protectFrom AUTH0: first page behind the password. The default, CFG0 (29h), protects the
 *     configuration, PWD/PACK, key-lock and SUNCMAC_KEY pages and leaves user memory and reads free, so
 *     phones read the SUN message without a password (§3, §7 step 8)
 * @param tamperVisible show the tamper field on StatusDetect chips (CFG0 TT byte + CFG1 bits, §3)
 */
public record Ntag223Recipe(MasterKeySet keys, MirrorTemplate template, OriginalitySignature trust,
        Ntag223Profile profile, Set<Ntag223Variant> variants, int protectFrom, boolean tamperVisible) {
    public Ntag223Recipe {
        Objects.requireNonNull(keys);
        Objects.requireNonNull(template);
        Objects.requireNonNull(trust);
        Objects.requireNonNull(profile);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("accept at least one NTAG 223 DNA variant");
        }
        variants = Set.copyOf(variants);
        int userEnd = profile.pages().userEnd();
        if (protectFrom <= userEnd || protectFrom > profile.pages().cfg0()) {
            throw new IllegalArgumentException(String.format(
                    "AUTH0 must lie after user memory (%02Xh) and protect CFG0 (%02Xh)", userEnd,
                    profile.pages().cfg0()));
        }
    }

    /** Both variants, the default profile, AUTH0 = CFG0, tamper field shown on StatusDetect chips. */
    public static Ntag223Recipe of(MasterKeySet keys, MirrorTemplate template, OriginalitySignature trust) {
        Ntag223Profile profile = Ntag223Profile.defaults();
        return new Ntag223Recipe(keys, template, trust, profile, EnumSet.allOf(Ntag223Variant.class),
                profile.pages().cfg0(), true);
    }

    /**
     * Lays out a tag URL for one variant.
     *
     * @throws com.tagline.hardware.ndef.UrlDoesNotFitException when it does not fit user memory
     */
    public MirrorLayout layout(String tagUrl, Ntag223Variant variant) {
        return MirrorLayout.build(tagUrl, template, variant, profile.pages());
    }

    /** Lays out the URL for every accepted variant: throws before any chip is touched when one does not fit. */
    void checkFits(String tagUrl) {
        for (Ntag223Variant v : variants) {
            layout(tagUrl, v);
        }
    }

    /** Whether the tamper field should show on a chip of this variant. */
    boolean tamperVisibleOn(Ntag223Variant variant) {
        return tamperVisible && variant.statusDetect();
    }
}
