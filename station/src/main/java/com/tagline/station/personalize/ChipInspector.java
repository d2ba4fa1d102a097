package com.tagline.station.personalize;

import com.tagline.hardware.ntag424.ChipVersion;
import com.tagline.hardware.ntag424.FileSettings;
import com.tagline.hardware.ntag424.Ntag424;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a chip's observable state without authentication and classifies it (ntag424.md §11 step 1):
 * ISOSelect application, GetVersion, Read_Sig, GetFileSettings(NDEF), GetKeyVersion 0..4. Never
 * authenticates: each failed authentication costs the chip (TotFailCtr, 91AD delays).
 */
final class ChipInspector {
    private final Ntag424Recipe recipe;

    ChipInspector(Ntag424Recipe recipe) {
        this.recipe = recipe;
    }

    Inspection inspect(Ntag424 chip, FileSettings expected) {
        byte[] targetUid = chip.link().target().uid();
        String targetHex = hex(targetUid);
        chip.isoSelectApplication();
        ChipVersion version = chip.getVersion();
        if (!version.looksLikeNtag424()) {
            return Inspection.rejected(targetHex, ChipState.WRONG_KIND, "GetVersion " + version + " is not an NTAG 424 DNA");
        }
        byte[] uid = version.uid();
        if (Arrays.equals(uid, new byte[7])) {
            return Inspection.rejected(targetHex, ChipState.WRONG_KIND, "Random ID is enabled; the station needs a fixed UID");
        }
        if (!MessageDigest.isEqual(uid, targetUid)) {
            return Inspection.rejected(targetHex, ChipState.NOT_GENUINE,
                    "GetVersion UID " + hex(uid) + " differs from the anticollision UID " + targetHex);
        }
        if (!recipe.trust().verify(uid, chip.readSig())) {
            return Inspection.rejected(targetHex, ChipState.NOT_GENUINE,
                    "originality signature does not verify with any trusted key");
        }
        FileSettings ndef = chip.getFileSettings(Ntag424.FILE_NDEF);
        List<Integer> versions = new ArrayList<>();
        for (int k = 0; k < Ntag424.KEY_COUNT; k++) {
            versions.add(chip.getKeyVersion(k));
        }
        return classify(uid, versions, ndef, expected);
    }

    private Inspection classify(byte[] uid, List<Integer> versions, FileSettings ndef, FileSettings expected) {
        int ours = recipe.keys().version();
        boolean allOurs = versions.stream().allMatch(v -> v == ours);
        boolean allFactory = versions.stream().allMatch(v -> v == 0);
        boolean oursOrFactory = versions.stream().allMatch(v -> v == 0 || v == ours);
        boolean factorySettings = ndef.equals(Ntag424Recipe.factoryNdefSettings());
        boolean ourSettings = ndef.equals(expected);
        ChipState state;
        String detail;
        if (allFactory && factorySettings) {
            state = ChipState.BLANK;
            detail = "factory state";
        } else if (allOurs && ourSettings) {
            state = ChipState.PERSONALIZED;
            detail = "already personalized with key set " + ours + " for this URL";
        } else if (versions.get(0) == 0 && oursOrFactory && (factorySettings || ourSettings)) {
            // Key 0 changes last, so a factory key 0 means our recipe can still finish (resume).
            state = ChipState.PARTIAL;
            detail = "partially personalized: key versions " + versions + (ourSettings ? ", SDM set" : ", SDM not set");
        } else {
            state = ChipState.FOREIGN;
            detail = "not ours: key versions " + versions + ", NDEF settings "
                    + (factorySettings ? "factory" : ourSettings ? "ours" : "foreign");
        }
        return new Inspection(hex(uid), uid, state, versions, ndef, detail);
    }

    static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }
}
