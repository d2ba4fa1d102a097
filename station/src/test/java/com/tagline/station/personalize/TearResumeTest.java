package com.tagline.station.personalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunVerifier;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.station.simulate.PhoneScan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tear at every exchange of a full personalization, before and after the chip applies the command,
 * followed by a second run on the same chip: the recipe resumes from the chip's observable state and
 * ends configured, with every key ours and a verifying SUN message.
 */
class TearResumeTest {
    private static int exchangesOfAFullRun() {
        int[] count = {0};
        RecipeFixture.RecordingLink counting = new RecipeFixture.RecordingLink(
                new SimulatedNtag424Link(RecipeFixture.blankChip()), a -> {
                    count[0]++;
                    return a;
                });
        PersonalizationResult r = RecipeFixture.personalizer().personalize(counting, RecipeFixture.URL, StepListener.NONE);
        assertEquals(Reason.CONFIGURED, r.reason());
        return count[0];
    }

    static Stream<Arguments> everyExchange() {
        int n = exchangesOfAFullRun();
        List<Arguments> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(Arguments.of(i, false));
            all.add(Arguments.of(i, true));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "tear at exchange {0}, after apply: {1}")
    @MethodSource("everyExchange")
    void resumesAfterATearAnywhere(int at, boolean afterApply) {
        SimulatedNtag424 chip = RecipeFixture.blankChip();
        SimulatedNtag424Link link = new SimulatedNtag424Link(chip);
        Ntag424Personalizer personalizer = RecipeFixture.personalizer();

        PersonalizationResult torn = personalizer.personalize(new RecipeFixture.TearingLink(link, at, afterApply),
                RecipeFixture.URL, StepListener.NONE);
        assertEquals(Reason.TAG_LOST, torn.reason(), "the tear is reported as tag_lost");

        PersonalizationResult resumed = personalizer.personalize(link, RecipeFixture.URL, StepListener.NONE);
        assertEquals(Reason.CONFIGURED, resumed.reason(), resumed.detail());
        for (int k = 0; k < 5; k++) {
            assertEquals(RecipeFixture.KEYS.version(), chip.keyVersion(k));
        }
        SunResult sun = SunVerifier.verify(PhoneScan.read(link), RecipeFixture.chipKeys().key(1),
                RecipeFixture.chipKeys().key(2), SunVerifier.Names.auto());
        assertTrue(sun.valid());
        assertEquals(0, chip.totFailCtr(), "resume never spent a failed authentication");
    }
}
