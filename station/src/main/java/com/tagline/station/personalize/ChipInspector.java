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
 * Reads a chip's observable state without authentication and classifies it (ntag424.md §11 step 1), reading
 * only what the state requires (issue 13):
 * <ol>
 *   <li>a 7-byte NXP UID at anticollision (a 4-byte one is Random ID, DS §8.1.1, or another kind);</li>
 *   <li>ISOSelect of the application; the chip kind from the ATS, which an NTAG 424 DNA always sends as
 *       {@code 06 77 77 71 02 80} (NT4H2421Gx §8.1.1 Table 4), else from GetVersion (DS §10.5.2), which then also
 *       checks that the UID the chip reports is the anticollision UID;</li>
 *   <li>Read_Sig: the originality signature over the anticollision UID (DS §10.10.1);</li>
 *   <li>GetFileSettings of the NDEF file and GetKeyVersion of key 0;</li>
 *   <li>GetKeyVersion of keys 1–4 only when the NDEF settings or key 0 are not factory: the recipe changes the
 *       settings first and key 0 last, so with factory settings and a factory key 0 it has not touched keys
 *       1–4. A foreign key there is still never forced: ChangeKey needs its old value (the chip checks the
 *       CRC32 of the new key, DS §10.6.1, and answers 911E otherwise).</li>
 * </ol>
 * Never authenticates: each failed authentication costs the chip (TotFailCtr, 91AD delays). The UID the keys
 * are diversified from is the anticollision UID the signature covers; the SUN message checked at
 * verification carries the chip's own UID under our keys.
 */
final class ChipInspector {
    /** The NTAG 424 DNA's ATS (NT4H2421Gx §8.1.1 Table 4: FSC 128, 212–848 kbit/s, FWI 7, SFGI 1, CID). */
    static final byte[] NTAG424_ATS = {0x06, 0x77, 0x77, 0x71, 0x02, (byte) 0x80};
    private static final int UID_LENGTH = 7;
    private static final int NXP = 0x04;

    private final Ntag424Recipe recipe;

    ChipInspector(Ntag424Recipe recipe) {
        this.recipe = recipe;
    }

    Inspection inspect(Ntag424 chip, FileSettings expected) {
        byte[] uid = chip.link().target().uid();
        String uidHex = hex(uid);
        if (uid.length != UID_LENGTH || uid[0] != NXP) {
            return Inspection.rejected(uidHex, ChipState.WRONG_KIND, "anticollision UID " + uidHex
                    + " is not a 7-byte NXP UID: Random ID is on, or this is not an NTAG 424 DNA");
        }
        chip.isoSelectApplication();
        if (!Arrays.equals(chip.link().target().ats(), NTAG424_ATS)) {
            Inspection rejected = checkVersion(chip, uid);
            if (rejected != null) {
                return rejected;
            }
        }
        if (!recipe.trust().verify(uid, chip.readSig())) {
            return Inspection.rejected(uidHex, ChipState.NOT_GENUINE,
                    "originality signature does not verify with any trusted key");
        }
        FileSettings ndef = chip.getFileSettings(Ntag424.FILE_NDEF);
        List<Integer> versions = new ArrayList<>(List.of(chip.getKeyVersion(0)));
        if (versions.get(0) != 0 || !ndef.equals(Ntag424Recipe.factoryNdefSettings())) {
            for (int k = 1; k < Ntag424.KEY_COUNT; k++) {
                versions.add(chip.getKeyVersion(k));
            }
        }
        return classify(uid, versions, ndef, expected);
    }

    /** GetVersion for a chip whose ATS is not the NTAG 424 DNA's: kind and UID; null when both hold. */
    private static Inspection checkVersion(Ntag424 chip, byte[] uid) {
        String uidHex = hex(uid);
        ChipVersion version = chip.getVersion();
        if (!version.looksLikeNtag424()) {
            return Inspection.rejected(uidHex, ChipState.WRONG_KIND, "GetVersion " + version + " is not an NTAG 424 DNA");
        }
        byte[] reported = version.uid();
        if (Arrays.equals(reported, new byte[UID_LENGTH])) {
            return Inspection.rejected(uidHex, ChipState.WRONG_KIND, "Random ID is enabled; the station needs a fixed UID");
        }
        if (!MessageDigest.isEqual(reported, uid)) {
            return Inspection.rejected(uidHex, ChipState.NOT_GENUINE,
                    "GetVersion UID " + hex(reported) + " differs from the anticollision UID " + uidHex);
        }
        return null;
    }

    /** {@code versions}: key 0 only (factory settings and key 0), else keys 0..4. */
    private Inspection classify(byte[] uid, List<Integer> versions, FileSettings ndef, FileSettings expected) {
        int ours = recipe.keys().version();
        boolean allOurs = versions.size() == Ntag424.KEY_COUNT && versions.stream().allMatch(v -> v == ours);
        boolean oursOrFactory = versions.stream().allMatch(v -> v == 0 || v == ours);
        boolean factorySettings = ndef.equals(Ntag424Recipe.factoryNdefSettings());
        boolean ourSettings = ndef.equals(expected);
        ChipState state;
        String detail;
        if (versions.size() == 1) {
            state = ChipState.BLANK;
            detail = "factory NDEF settings and key 0";
        } else if (allOurs && ourSettings) {
            state = ChipState.PERSONALIZED;
            detail = "already personalized with key set " + ours + " for this URL";
        } else if (versions.get(0) == 0 && oursOrFactory && ourSettings) {
            // Key 0 changes last, so a factory key 0 means our recipe can still finish (resume).
            state = ChipState.PARTIAL;
            detail = "partially personalized: key versions " + versions + ", SDM set";
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
