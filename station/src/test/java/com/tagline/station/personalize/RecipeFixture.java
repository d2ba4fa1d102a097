package com.tagline.station.personalize;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.tag.ForwardingTagLink;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.TagLostException;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/** Shared set-up for recipe tests: a key set, the recipe, simulated chips and link decorators. */
final class RecipeFixture {
    static final String URL = "https://zannatherapeutics.com/verify/lonafen/8a3f9c2b";
    static final byte[] UID = HexFormat.of().parseHex("04A1B2C3D4E580");

    static MasterKeySet keys(int version, int seed) {
        List<byte[]> keys = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 5; i++) {
            byte[] k = new byte[16];
            r.nextBytes(k);
            keys.add(k);
        }
        return new MasterKeySet(keys, version, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
    }

    static final MasterKeySet KEYS = keys(1, 11);

    static Ntag424Recipe recipe(MasterKeySet keys) {
        return Ntag424Recipe.of(keys, SunTemplate.defaults(),
                OriginalitySignature.ntag424(List.of(OriginalityKeyPair.ntag424Test().publicKeyHex())));
    }

    static Ntag424Personalizer personalizer() {
        return new Ntag424Personalizer(recipe(KEYS));
    }

    static SimulatedNtag424 blankChip() {
        return SimulatedNtag424.builder().uid(UID).random(new SplittableRandom(5)).build();
    }

    static ChipKeys chipKeys() {
        return KEYS.diversify(UID);
    }

    /**
     * A link that fails exchange number {@code at} (0-based) as a tear: before the chip sees it
     * (state unchanged) or after (applied, answer lost). The chip loses power either way.
     */
    static final class TearingLink extends ForwardingTagLink {
        private final SimulatedNtag424Link inner;
        private final int at;
        private final boolean afterApply;
        private int count;

        TearingLink(SimulatedNtag424Link inner, int at, boolean afterApply) {
            super(inner);
            this.inner = inner;
            this.at = at;
            this.afterApply = afterApply;
        }

        @Override
        public byte[] transceive(byte[] apdu) {
            if (count++ == at) {
                if (afterApply) {
                    inner.transceive(apdu);
                }
                inner.chip().powerCycle();
                throw new TagLostException("test tear at exchange " + at);
            }
            return inner.transceive(apdu);
        }
    }

    /** A link that rewrites answers (e.g. corrupts a read) and records each command. */
    static class RecordingLink extends ForwardingTagLink {
        private final UnaryOperator<byte[]> answer;
        final List<byte[]> commands = new ArrayList<>();

        RecordingLink(TagLink inner, UnaryOperator<byte[]> answer) {
            super(inner);
            this.answer = answer;
        }

        @Override
        public byte[] transceive(byte[] apdu) {
            commands.add(apdu.clone());
            return answer.apply(super.transceive(apdu));
        }
    }

    private RecipeFixture() {}
}
