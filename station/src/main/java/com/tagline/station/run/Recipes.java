package com.tagline.station.run;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Keys;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.config.StationConfig;
import com.tagline.station.ixkio.ChipUrlFit;
import com.tagline.station.personalize.Ntag223Personalizer;
import com.tagline.station.personalize.Ntag223Recipe;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.Ntag424Recipe;
import com.tagline.station.workflow.ChipRecipe;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The personalization recipe of each protocol a station encodes, from its configuration and master keys:
 * the SUN template, the trusted originality keys (NXP's built in, plus the configured ones), and whether a
 * URL fits a chip (the ixkio manifest check).
 *
 * @param byProtocol the recipe of each configured protocol
 * @param fit        whether a URL fits its chip once the SUN parameters are added, for both protocols
 */
public record Recipes(Map<ChipProtocol, ChipRecipe> byProtocol, ChipUrlFit fit) {
    /** The NTAG 424 DNA key numbers the SUN template reads with: SDM meta read key 1, file read key 2. */
    public static final int META_READ_KEY = 1;
    public static final int FILE_READ_KEY = 2;

    public Recipes {
        byProtocol = Map.copyOf(byProtocol);
    }

    /**
     * The keys the SUN message of a chip this station personalized verifies with: the chip's AN10922
     * diversification of the master keys ({@link MasterKeySet#diversify}), at the key numbers the recipes
     * use: NTAG 424 DNA SDM meta-read {@value #META_READ_KEY} and file-read {@value #FILE_READ_KEY}, the
     * NTAG 223 DNA SUNCMAC_KEY of {@link Ntag223Keys}. For a verifier ({@code station sun-verify --keys});
     * never printed.
     */
    public record SunKeys(byte[] metaRead, byte[] fileRead, byte[] suncmac) {
        @Override
        public String toString() {
            return "SunKeys[redacted]";
        }
    }

    /** The SUN keys of the chip with this 7-byte UID. */
    public static SunKeys sunKeys(MasterKeySet keys, byte[] uid) {
        ChipKeys chip = keys.diversify(uid);
        return new SunKeys(chip.key(META_READ_KEY), chip.key(FILE_READ_KEY), Ntag223Keys.sunKey(chip));
    }

    public static Recipes of(StationConfig config, MasterKeySet keys) {
        return of(config.encoding().protocols(), config.encoding().sunParameters(), config.trust(), keys);
    }

    /** The recipes of {@code protocols}, with the NTAG 424 DNA SUN template {@code sunParameters}. */
    public static Recipes of(List<ChipProtocol> protocols, String sunParameters, StationConfig.Trust trust,
                             MasterKeySet keys) {
        Ntag424Recipe r424 = Ntag424Recipe.of(keys, new SunTemplate(sunParameters, META_READ_KEY, FILE_READ_KEY),
                OriginalitySignature.ntag424(trust.ntag424()));
        Ntag223Recipe r223 = Ntag223Recipe.of(keys, MirrorTemplate.defaults(), Ntag223Originality.trust(trust.ntag223()));
        Map<ChipProtocol, ChipRecipe> recipes = new EnumMap<>(ChipProtocol.class);
        if (protocols.contains(ChipProtocol.NTAG_424_DNA)) {
            recipes.put(ChipProtocol.NTAG_424_DNA, new Ntag424Personalizer(r424)::personalize);
        }
        if (protocols.contains(ChipProtocol.NTAG_223_DNA)) {
            recipes.put(ChipProtocol.NTAG_223_DNA, new Ntag223Personalizer(r223)::personalize);
        }
        return new Recipes(recipes, ChipUrlFit.of(r424, r223));
    }
}
