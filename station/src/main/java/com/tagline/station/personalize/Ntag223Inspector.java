package com.tagline.station.personalize;

import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Header;
import com.tagline.hardware.ntag223.Ntag223Keys;
import com.tagline.hardware.ntag223.Ntag223Memory;
import com.tagline.hardware.ntag223.Ntag223NakException;
import com.tagline.hardware.ntag223.Ntag223Snapshot;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.Ntag223Version;
import com.tagline.hardware.ntag223.sun.MirrorLayout;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Reads an NTAG 223 DNA's observable state without a password and classifies it (ntag223.md §7 steps
 * 1–2) in three frames: GET_VERSION (kind and variant), READ_SIG (originality over the anticollision UID) and
 * one FAST_READ from page 00h through the key-lock page: the UID pages with their check bytes, user memory
 * with the SUN message the chip mirrors, and the configuration. Never sends PWD_AUTH: a wrong password costs
 * a NAK (the chip goes IDLE) and, with AUTHLIM, an attempt. The derived SUNCMAC_KEY is only used to check the
 * mirrored message.
 *
 * <p>Resume rests on the recipe's order: NDEF before the key, the key before the mirror, the mirror
 * verified before LOCK_SUNCMAC_KEY, and AUTH0 written last. So a locked key, password protection or an
 * enabled mirror are ours only when the message verifies with our key.
 */
final class Ntag223Inspector {
    private final Ntag223Recipe recipe;

    Ntag223Inspector(Ntag223Recipe recipe) {
        this.recipe = recipe;
    }

    Ntag223Inspection inspect(Ntag223Memory memory, String tagUrl) {
        Ntag223 chip = memory.chip();
        byte[] targetUid = chip.link().target().uid();
        String targetHex = ChipInspector.hex(targetUid);
        Ntag223Version version = chip.getVersion();
        Optional<Ntag223Variant> variant = version.variant();
        if (variant.isEmpty() || !recipe.variants().contains(variant.get())) {
            return Ntag223Inspection.rejected(targetHex, ChipState.WRONG_KIND, "GET_VERSION " + version
                    + " is not an NTAG 223 DNA variant this line accepts " + recipe.variants());
        }
        if (!chip.verifyOriginality(recipe.trust())) {
            return Ntag223Inspection.rejected(targetHex, ChipState.NOT_GENUINE,
                    "originality signature does not verify with any trusted key");
        }
        Ntag223Snapshot read;
        try {
            read = memory.readAll();
        } catch (Ntag223NakException e) {
            return Ntag223Inspection.rejected(targetHex, ChipState.FOREIGN, "pages are read-protected: " + e.getMessage());
        }
        Ntag223Header header = read.header();
        byte[] uid = header.uid();
        if (!header.checkBytesValid() || !MessageDigest.isEqual(uid, targetUid)) {
            return Ntag223Inspection.rejected(targetHex, ChipState.NOT_GENUINE, "UID pages " + ChipInspector.hex(uid)
                    + " do not match the anticollision UID " + targetHex + " or their check bytes");
        }
        Ntag223Config config = read.config();
        byte[] user = read.user();
        MirrorLayout layout = recipe.layout(tagUrl, variant.get());
        ChipKeys keys = recipe.keys().diversify(uid);
        boolean ndefOurs = layout.matchesIgnoringMirror(user);
        boolean sunOurs = Ntag223SunCheck.problem(layout, config, user, Ntag223Keys.sunKey(keys), uid) == null;
        return classify(uid, variant.get(), read, ndefOurs, sunOurs);
    }

    private Ntag223Inspection classify(byte[] uid, Ntag223Variant variant, Ntag223Snapshot read, boolean ndefOurs,
            boolean sunOurs) {
        Ntag223Config c = read.config();
        MemoryMap map = recipe.profile().pages();
        boolean protectionOff = !c.passwordProtectionActive(map.lastPage());
        boolean protectionOurs = c.auth0() == recipe.protectFrom() && !c.prot();
        String seen = "NDEF " + (ndefOurs ? "ours" : "not ours") + ", SUN message " + (sunOurs ? "ours" : "not ours")
                + ", " + c;
        ChipState state;
        String detail;
        if (c.configLocked()) {
            state = ChipState.FOREIGN;
            detail = "configuration is locked (CFGLCK): " + seen;
        } else if (c.sunKeyLocked() && !sunOurs || !protectionOff && !sunOurs) {
            state = ChipState.FOREIGN;
            detail = "key locked or password protection on, and the SUN message is not ours: " + seen;
        } else if (c.mirrorEnabled() && !sunOurs || sunOurs && !ndefOurs) {
            state = ChipState.FOREIGN;
            detail = "SUN mirror configured by someone else or for another URL: " + seen;
        } else if (!protectionOff) {
            boolean complete = protectionOurs && c.sunKeyLocked() && c.counterEnabled();
            state = complete ? ChipState.PERSONALIZED : ChipState.FOREIGN;
            detail = complete ? "already personalized for this URL" : "protected but not as the recipe leaves it: " + seen;
        } else if (ndefOurs || sunOurs) {
            state = ChipState.PARTIAL;
            detail = "partially personalized: " + seen;
        } else {
            state = ChipState.BLANK;
            detail = "not configured: mirror off, key unlocked, no password protection";
        }
        return new Ntag223Inspection(ChipInspector.hex(uid), uid, state, variant, read, ndefOurs, sunOurs, detail);
    }
}
