package com.tagline.station.run;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.MasterKeySet;
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
