package com.tagline.station.personalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Keys;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.ntag223.SimulatedNtag223Link;
import com.tagline.station.simulate.PhoneScan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NTAG 223 DNA: a tear at every exchange of a full personalization, before and after the chip applies
 * the frame, followed by a second run on the same chip: the recipe resumes from the chip's observable
 * state and ends configured, key locked, configuration protected, with a verifying SUN message and no
 * failed password attempt.
 */
class Ntag223TearResumeTest {
    private static int exchangesOfAFullRun() {
        Ntag223Fixture.RewritingLink counting = new Ntag223Fixture.RewritingLink(
                new SimulatedNtag223Link(Ntag223Fixture.blankChip()), a -> a);
        PersonalizationResult r = Ntag223Fixture.personalizer().personalize(counting, RecipeFixture.URL,
                StepListener.NONE);
        assertEquals(Reason.CONFIGURED, r.reason(), r.detail());
        return counting.exchanges;
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
        SimulatedNtag223 chip = Ntag223Fixture.blankChip();
        SimulatedNtag223Link link = new SimulatedNtag223Link(chip);
        Ntag223Personalizer personalizer = Ntag223Fixture.personalizer();

        PersonalizationResult torn = personalizer.personalize(new Ntag223Fixture.TearingLink(link, at, afterApply),
                RecipeFixture.URL, StepListener.NONE);
        assertEquals(Reason.TAG_LOST, torn.reason(), "the tear is reported as tag_lost");

        PersonalizationResult resumed = personalizer.personalize(link, RecipeFixture.URL, StepListener.NONE);
        assertEquals(Reason.CONFIGURED, resumed.reason(), resumed.detail());
        Ntag223Config c = chip.configuration();
        assertTrue(c.sunKeyLocked() && c.mirrorEnabled() && c.counterEnabled());
        assertEquals(0x29, c.auth0());
        assertEquals(MasterKeySet.kcv(Ntag223Keys.sunKey(RecipeFixture.chipKeys())), chip.sunKeyCheckValue());
        assertTrue(PhoneScan.verifyNtag223(PhoneScan.readType2(link), RecipeFixture.chipKeys()).valid());
        assertEquals(0, chip.failedPasswordAttempts(), "resume never spent a failed password attempt");
    }
}
