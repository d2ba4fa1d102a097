package com.tagline.station.personalize;

import static com.tagline.station.personalize.RecipeFixture.URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Keys;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorLayout;
import com.tagline.hardware.ntag223.sun.SunMessageResult;
import com.tagline.hardware.ntag223.sun.TamperState;
import com.tagline.hardware.tag.ForwardingTagLink;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.Target;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.ntag223.SimulatedNtag223Link;
import com.tagline.simulator.field.TearPoint;
import com.tagline.station.simulate.PhoneScan;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The NTAG 223 DNA recipe, host against the chip simulator: every inspection class and failure. */
class Ntag223PersonalizerTest {
    private static final byte[] FOREIGN_KEY = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");
    private static final List<Step> FULL_RUN = List.of(Step.WRITE_NDEF, Step.WRITE_SUN_KEY, Step.ENABLE_MIRROR,
            Step.LOCK_SUN_KEY, Step.SET_PASSWORD, Step.PROTECT_CONFIGURATION, Step.VERIFY);

    private final Ntag223Personalizer personalizer = Ntag223Fixture.personalizer();

    @Test
    void blankChipEndsPersonalizedAsTheIssueDescribes() {
        SimulatedNtag223 chip = Ntag223Fixture.blankChip();
        SimulatedNtag223Link link = new SimulatedNtag223Link(chip);
        List<Step> heard = new ArrayList<>();

        PersonalizationResult r = personalizer.personalize(link, URL, (step, uid) -> heard.add(step));

        assertEquals(Reason.CONFIGURED, r.reason(), r.detail());
        assertEquals(ChipState.BLANK, r.initialState());
        assertEquals(FULL_RUN, heard);
        assertEquals(FULL_RUN, r.stepsRun());
        Ntag223Config c = chip.configuration();
        assertTrue(c.mirrorEnabled() && c.counterEnabled() && c.sunKeyLocked());
        assertEquals(0x29, c.auth0(), "configuration and key pages behind the password");
        assertFalse(c.prot(), "reads stay free for phones");
        assertEquals(MasterKeySet.kcv(Ntag223Keys.sunKey(RecipeFixture.chipKeys())), chip.sunKeyCheckValue());
        String scanned = PhoneScan.readType2(link);
        assertEquals(scanned, r.verifiedUrl());
        assertTrue(scanned.startsWith(URL + "?sun=04A1B2C3D4E580x"), scanned);
        SunMessageResult sun = PhoneScan.verifyNtag223(scanned, RecipeFixture.chipKeys());
        assertTrue(sun.valid());
        assertEquals("04A1B2C3D4E580", sun.uidHex());
        assertEquals(0, chip.failedPasswordAttempts());
    }

    @Test
    void personalizedChipOnlyVerifiesAgainAndTheCounterAdvances() {
        SimulatedNtag223 chip = Ntag223Fixture.blankChip();
        SimulatedNtag223Link link = new SimulatedNtag223Link(chip);
        personalizer.personalize(link, URL, StepListener.NONE);
        link.putBack();
        int before = PhoneScan.verifyNtag223(PhoneScan.readType2(link), RecipeFixture.chipKeys()).counter();
        link.putBack();

        PersonalizationResult again = personalizer.personalize(link, URL, StepListener.NONE);

        assertEquals(Reason.CONFIGURED, again.reason(), again.detail());
        assertEquals(ChipState.PERSONALIZED, again.initialState());
        assertEquals(List.of(Step.VERIFY), again.stepsRun());
        int after = PhoneScan.verifyNtag223(again.verifiedUrl(), RecipeFixture.chipKeys()).counter();
        assertTrue(after > before, "NFC counter " + before + " -> " + after);
        assertEquals(0, chip.failedPasswordAttempts());
    }

    @Test
    void statusDetectChipShowsItsTamperField() {
        SimulatedNtag223 chip = Ntag223Fixture.builder(Ntag223Variant.STATUS_DETECT).build();
        SimulatedNtag223Link link = new SimulatedNtag223Link(chip);

        PersonalizationResult r = personalizer.personalize(link, URL, StepListener.NONE);

        assertEquals(Reason.CONFIGURED, r.reason(), r.detail());
        SunMessageResult sun = PhoneScan.verifyNtag223(PhoneScan.readType2(link), RecipeFixture.chipKeys());
        assertTrue(sun.valid());
        assertEquals(TamperState.CLOSED, sun.tamper().secondState().orElseThrow());
    }

    @Test
    void urlTooLongIsRejectedBeforeAnyFrame() {
        SimulatedNtag223Link link = new SimulatedNtag223Link(Ntag223Fixture.blankChip());
        PersonalizationResult r = personalizer.personalize(link, "https://example.com/" + "a".repeat(80),
                StepListener.NONE);
        assertEquals(Reason.URL_TOO_LONG, r.reason());
        assertEquals(0, link.exchanges());
        assertTrue(r.stepsRun().isEmpty());
    }

    @Test
    void counterfeitChipIsRejected() {
        OriginalityKeyPair untrusted = OriginalityKeyPair.of(OriginalityKeyPair.SECP192R1, BigInteger.valueOf(123456789));
        SimulatedNtag223 chip = Ntag223Fixture.builder(Ntag223Variant.PLAIN).originalityKey(untrusted).build();
        PersonalizationResult r = personalizer.personalize(new SimulatedNtag223Link(chip), URL, StepListener.NONE);
        assertEquals(Reason.COUNTERFEIT, r.reason());
        assertEquals(ChipState.NOT_GENUINE, r.initialState());
        assertTrue(r.stepsRun().isEmpty());
    }

    @Test
    void otherChipKindsAreRejected() {
        TagLink ntag213 = new TagLink() {
            @Override
            public byte[] transceive(byte[] apdu) {
                throw new AssertionError("the NTAG 223 recipe sends raw Type 2 frames only");
            }

            @Override
            public byte[] transceiveRaw(byte[] frame, Duration timeout) {
                return HexFormat.of().parseHex("0004040201000F03"); // NTAG213 GET_VERSION (ntag223.md §1.1)
            }

            @Override
            public Target target() {
                return new Target(RecipeFixture.UID, 0x0044, 0x00, new byte[0]);
            }
        };
        assertEquals(Reason.WRONG_CHIP, personalizer.personalize(ntag213, URL, StepListener.NONE).reason());

        Ntag223Recipe plainOnly = new Ntag223Recipe(RecipeFixture.KEYS, Ntag223Fixture.recipe().template(),
                Ntag223Fixture.recipe().trust(), Ntag223Fixture.recipe().profile(), EnumSet.of(Ntag223Variant.PLAIN),
                0x29, true);
        SimulatedNtag223 sd = Ntag223Fixture.builder(Ntag223Variant.STATUS_DETECT).build();
        PersonalizationResult r = new Ntag223Personalizer(plainOnly).personalize(new SimulatedNtag223Link(sd), URL,
                StepListener.NONE);
        assertEquals(Reason.WRONG_CHIP, r.reason());
        assertEquals(ChipState.WRONG_KIND, r.initialState());
    }

    @Test
    void foreignChipsAreNeverForcedNorGuessed() {
        MemoryMap p = MemoryMap.ntag223();
        List<SimulatedNtag223> foreign = List.of(
                Ntag223Fixture.builder(Ntag223Variant.PLAIN).sunKey(FOREIGN_KEY).page(p.keyLock(), bytes(0x80, 0, 0, 0))
                        .build(),
                Ntag223Fixture.builder(Ntag223Variant.PLAIN).page(p.cfg0(), bytes(0x00, 0x3C, 0x00, 0x10)).build(),
                Ntag223Fixture.builder(Ntag223Variant.PLAIN).page(p.cfg1(), bytes(0x40, 0, 0, 0)).build(),
                Ntag223Fixture.builder(Ntag223Variant.PLAIN).sunKey(FOREIGN_KEY).page(p.cfg0(), bytes(0x98, 0x3C, 0x08, 0x3C))
                        .build());
        for (SimulatedNtag223 chip : foreign) {
            Ntag223Config before = chip.configuration();
            String kcv = chip.sunKeyCheckValue();
            PersonalizationResult r = personalizer.personalize(new SimulatedNtag223Link(chip), URL, StepListener.NONE);
            assertEquals(Reason.NOT_BLANK, r.reason(), r.detail());
            assertEquals(ChipState.FOREIGN, r.initialState());
            assertTrue(r.stepsRun().isEmpty());
            assertEquals(before, chip.configuration(), "nothing written");
            assertEquals(kcv, chip.sunKeyCheckValue());
            assertEquals(0, chip.failedPasswordAttempts(), "no password guessed");
        }
    }

    @Test
    void chipOursForAnotherUrlIsForeign() {
        SimulatedNtag223 chip = Ntag223Fixture.blankChip();
        SimulatedNtag223Link link = new SimulatedNtag223Link(chip);
        assertEquals(Reason.CONFIGURED, personalizer.personalize(link, URL, StepListener.NONE).reason());
        PersonalizationResult r = personalizer.personalize(link, URL.replace("8a3f", "9b40"), StepListener.NONE);
        assertEquals(Reason.NOT_BLANK, r.reason(), r.detail());
        assertEquals(0, chip.failedPasswordAttempts());
    }

    @Test
    void leavingTheFieldIsTagLost() {
        SimulatedNtag223 chip = Ntag223Fixture.blankChip();
        SimulatedNtag223Link link = new SimulatedNtag223Link(chip);
        link.tearNextWrite(chip.profile().pages().cfg0(), TearPoint.BEFORE_APPLY);
        link.removeFromField();
        assertEquals(Reason.TAG_LOST, personalizer.personalize(link, URL, StepListener.NONE).reason());
        link.putBack();
        PersonalizationResult torn = personalizer.personalize(link, URL, StepListener.NONE);
        assertEquals(Reason.TAG_LOST, torn.reason());
        assertTrue(torn.stepsRun().contains(Step.ENABLE_MIRROR));
        assertEquals(Reason.CONFIGURED, personalizer.personalize(link, URL, StepListener.NONE).reason());
    }

    @Test
    void aMessageThatDoesNotVerifyStopsBeforeTheKeyIsLocked() {
        SimulatedNtag223 chip = Ntag223Fixture.blankChip();
        MirrorLayout layout = Ntag223Fixture.recipe().layout(URL, Ntag223Variant.PLAIN);
        int macEnd = layout.messageOffset() + layout.messageLength() - 1; // bytes from page 00h
        // Every FAST_READ (3A SS EE, the answer starts at page SS) that covers the MAC's last character.
        TagLink corrupting = new ForwardingTagLink(new SimulatedNtag223Link(chip)) {
            @Override
            public byte[] transceiveRaw(byte[] frame, Duration timeout) {
                byte[] a = super.transceiveRaw(frame, timeout);
                if ((frame[0] & 0xFF) != 0x3A) {
                    return a;
                }
                int from = (frame[1] & 0xFF) * MemoryMap.PAGE_SIZE;
                if (macEnd >= from && macEnd < from + a.length) {
                    a[macEnd - from] = (byte) (a[macEnd - from] == 'A' ? 'B' : 'A');
                }
                return a;
            }
        };

        PersonalizationResult r = personalizer.personalize(corrupting, URL, StepListener.NONE);

        assertEquals(Reason.VERIFY_MISMATCH, r.reason(), r.detail());
        assertFalse(r.stepsRun().contains(Step.LOCK_SUN_KEY));
        assertFalse(chip.configuration().sunKeyLocked(), "a key that did not verify is never locked");
        assertNull(r.verifiedUrl());
    }

    @Test
    void inspectionClassifiesPartialChips() {
        SimulatedNtag223 chip = Ntag223Fixture.blankChip();
        SimulatedNtag223Link link = new SimulatedNtag223Link(chip);
        assertEquals(ChipState.BLANK, personalizer.inspect(link, URL).state());
        link.tearNextWrite(chip.profile().pages().keyLock(), TearPoint.AFTER_APPLY);
        assertEquals(Reason.TAG_LOST, personalizer.personalize(link, URL, StepListener.NONE).reason());
        Ntag223Inspection partial = personalizer.inspect(link, URL);
        assertEquals(ChipState.PARTIAL, partial.state(), partial.detail());
        assertTrue(partial.ndefOurs() && partial.sunOurs());
        PersonalizationResult resumed = personalizer.personalize(link, URL, StepListener.NONE);
        assertEquals(List.of(Step.SET_PASSWORD, Step.PROTECT_CONFIGURATION, Step.VERIFY), resumed.stepsRun());
        assertEquals(Reason.CONFIGURED, resumed.reason());
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
