package com.tagline.station.personalize;

import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.tag.ForwardingTagLink;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.TagLostException;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.ntag223.SimulatedNtag223Builder;
import com.tagline.simulator.ntag223.SimulatedNtag223Link;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/** Shared set-up for NTAG 223 DNA recipe tests: the recipe, simulated chips and raw-frame link decorators. */
final class Ntag223Fixture {
    static Ntag223Recipe recipe() {
        return Ntag223Recipe.of(RecipeFixture.KEYS, MirrorTemplate.defaults(),
                Ntag223Originality.trust(List.of(OriginalityKeyPair.ntag223Test().publicKeyHex())));
    }

    static Ntag223Personalizer personalizer() {
        return new Ntag223Personalizer(recipe());
    }

    static SimulatedNtag223Builder builder(Ntag223Variant variant) {
        return SimulatedNtag223.builder().uid(RecipeFixture.UID).variant(variant).random(new SplittableRandom(5));
    }

    static SimulatedNtag223 blankChip() {
        return builder(Ntag223Variant.PLAIN).build();
    }

    /**
     * Fails raw exchange number {@code at} (0-based) as a tear: before the chip sees the frame (state
     * unchanged) or after (applied, answer lost). The chip loses power either way.
     */
    static final class TearingLink extends ForwardingTagLink {
        private final SimulatedNtag223Link inner;
        private final int at;
        private final boolean afterApply;
        private int count;

        TearingLink(SimulatedNtag223Link inner, int at, boolean afterApply) {
            super(inner);
            this.inner = inner;
            this.at = at;
            this.afterApply = afterApply;
        }

        @Override
        public byte[] transceiveRaw(byte[] frame, Duration timeout) {
            if (count++ == at) {
                if (afterApply) {
                    inner.transceiveRaw(frame, timeout);
                }
                inner.chip().powerCycle();
                throw new TagLostException("test tear at exchange " + at);
            }
            return inner.transceiveRaw(frame, timeout);
        }
    }

    /** Rewrites raw answers (e.g. corrupts a read) and counts the exchanges. */
    static final class RewritingLink extends ForwardingTagLink {
        private final UnaryOperator<byte[]> answer;
        int exchanges;

        RewritingLink(TagLink inner, UnaryOperator<byte[]> answer) {
            super(inner);
            this.answer = answer;
        }

        @Override
        public byte[] transceiveRaw(byte[] frame, Duration timeout) {
            exchanges++;
            return answer.apply(super.transceiveRaw(frame, timeout));
        }
    }

    private Ntag223Fixture() {}
}
