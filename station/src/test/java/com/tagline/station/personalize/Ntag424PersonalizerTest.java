package com.tagline.station.personalize;

import static com.tagline.station.personalize.RecipeFixture.KEYS;
import static com.tagline.station.personalize.RecipeFixture.UID;
import static com.tagline.station.personalize.RecipeFixture.URL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.FileSettings;
import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.ntag424.sdm.SunVerifier;
import com.tagline.hardware.tag.ScriptedTagLink;
import com.tagline.hardware.tag.Target;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.station.simulate.PhoneScan;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The NTAG 424 DNA recipe, host against the chip simulator: every inspection class and failure. */
class Ntag424PersonalizerTest {
    private final Ntag424Personalizer personalizer = RecipeFixture.personalizer();

    @Test
    void blankChipEndsPersonalizedAsTheIssueDescribes() {
        SimulatedNtag424 chip = RecipeFixture.blankChip();
        SimulatedNtag424Link link = new SimulatedNtag424Link(chip);
        List<Step> heard = new ArrayList<>();

        PersonalizationResult r = personalizer.personalize(link, URL, (step, uid) -> heard.add(step));

        assertEquals(Reason.CONFIGURED, r.reason(), r.detail());
        assertEquals(ChipState.BLANK, r.initialState());
        assertEquals(List.of(Step.WRITE_NDEF, Step.CHANGE_FILE_SETTINGS, Step.CHANGE_KEY_1, Step.CHANGE_KEY_2,
                Step.CHANGE_KEY_3, Step.CHANGE_KEY_4, Step.CHANGE_KEY_0, Step.VERIFY), heard);
        for (int k = 0; k < 5; k++) {
            assertEquals(KEYS.version(), chip.keyVersion(k), "key version " + k);
        }
        FileSettings ndef = chip.fileSettings(2);
        assertEquals(new AccessRights(0xE, 0x0, 0x0, 0x0), ndef.accessRights(), "read free, write/change key 0");
        assertTrue(ndef.sdm().isPresent());
        assertEquals(CommMode.PLAIN, ndef.commMode());
        // A phone's read verifies with keys derived from the master keys, and the counter advanced.
        String scanned = PhoneScan.read(link);
        SunResult sun = SunVerifier.verify(scanned, RecipeFixture.chipKeys().key(1), RecipeFixture.chipKeys().key(2),
                SunVerifier.Names.auto());
        assertTrue(sun.valid());
        assertArrayEquals(UID, sun.uid());
        assertTrue(sun.counter() >= 2, "verification read, then the phone read");
        assertTrue(scanned.startsWith(URL + "?picc_data="), scanned);
        assertEquals(0, chip.totFailCtr(), "no failed authentication on the way");
    }

    @Test
    void aBlankChipTakesSixteenCommandsEachReadOnlyWhenTheStateNeedsIt() {
        // Inspection: ISOSelect, Read_Sig, GetFileSettings, GetKeyVersion(0) (the ATS is the NTAG 424 DNA's,
        // so no GetVersion; factory settings and key 0, so no versions of keys 1-4); WriteData of the NDEF in one
        // frame; AuthenticateEV2First (2); ChangeFileSettings; ChangeKey 1-4 and 0; verification: ReadData, then
        // AuthenticateEV2First with the new key 0 (2).
        RecipeFixture.RecordingLink rec = new RecipeFixture.RecordingLink(
                new SimulatedNtag424Link(RecipeFixture.blankChip()), a -> a);
        PersonalizationResult r = personalizer.personalize(rec, "https://tags.example.com/t/tag_1", StepListener.NONE);
        assertEquals(Reason.CONFIGURED, r.reason(), r.detail());
        List<String> ins = rec.commands.stream().map(c -> String.format("%02X", c[1])).toList();
        assertEquals(List.of("A4", "3C", "F5", "64", "8D", "71", "AF", "5F", "C4", "C4", "C4", "C4", "C4", "AD", "71",
                "AF"), ins);
        assertEquals(List.of(1, 2, 3, 4, 0), rec.commands.stream().filter(c -> (c[1] & 0xFF) == 0xC4)
                .map(c -> (int) c[5]).toList(), "key 0 last");
    }

    @Test
    void aForeignKeyBehindFactorySettingsIsNeverForced() {
        // Keys 1-4 are not read on a chip with factory settings and key 0; a foreign key there makes ChangeKey
        // fail its CRC check (DS §10.6.1, 911E): the key stays, the chip is reported and then refused as foreign.
        byte[] foreign = {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        SimulatedNtag424 chip = SimulatedNtag424.builder().uid(UID).key(2, foreign, 5).build();
        SimulatedNtag424Link link = new SimulatedNtag424Link(chip);
        PersonalizationResult r = personalizer.personalize(link, URL, StepListener.NONE);
        assertEquals(Reason.CHIP_ERROR, r.reason(), r.detail());
        assertTrue(r.detail().contains("911E"), r.detail());
        assertEquals(5, chip.keyVersion(2), "the foreign key is untouched");
        assertEquals(0, chip.keyVersion(0));
        assertEquals(0, chip.totFailCtr(), "no authentication failed");
        assertEquals(Reason.NOT_BLANK, personalizer.personalize(link, URL, StepListener.NONE).reason());
    }

    @Test
    void aFourByteRandomUidIsWrongChipBeforeAnyCommand() {
        RecipeFixture.RecordingLink rec = new RecipeFixture.RecordingLink(
                new SimulatedNtag424Link(RecipeFixture.blankChip()), a -> a) {
            @Override
            public Target target() {
                return new Target(new byte[] {0x08, 1, 2, 3}, 0x0304, 0x20, new byte[] {6, 0x77, 0x77, 0x71, 2, (byte) 0x80});
            }
        };
        PersonalizationResult r = personalizer.personalize(rec, URL, StepListener.NONE);
        assertEquals(Reason.WRONG_CHIP, r.reason());
        assertTrue(rec.commands.isEmpty());
    }

    @Test
    void noKeyIsLeftAtItsFactoryValue() {
        SimulatedNtag424Link link = new SimulatedNtag424Link(RecipeFixture.blankChip());
        personalizer.personalize(link, URL, StepListener.NONE);
        com.tagline.hardware.ntag424.Ntag424 host = new com.tagline.hardware.ntag424.Ntag424(link);
        host.isoSelectApplication();
        ChipKeys keys = RecipeFixture.chipKeys();
        for (int k = 0; k < 5; k++) {
            host.authenticateEv2First(k, keys.key(k)); // throws 91AE if key k is not the derived one
        }
        host.dropSession();
    }

    @Test
    void personalizedChipIsOnlyVerifiedAgain() {
        SimulatedNtag424Link link = new SimulatedNtag424Link(RecipeFixture.blankChip());
        personalizer.personalize(link, URL, StepListener.NONE);
        List<Step> heard = new ArrayList<>();
        PersonalizationResult again = personalizer.personalize(link, URL, (s, u) -> heard.add(s));
        assertEquals(Reason.CONFIGURED, again.reason());
        assertEquals(ChipState.PERSONALIZED, again.initialState());
        assertEquals(List.of(Step.VERIFY), heard);
    }

    @Test
    void ourChipForAnotherUrlIsNotBlank() {
        SimulatedNtag424Link link = new SimulatedNtag424Link(RecipeFixture.blankChip());
        personalizer.personalize(link, URL, StepListener.NONE);
        PersonalizationResult other = personalizer.personalize(link, "https://other.example/a-much-longer-tag-url", StepListener.NONE);
        assertEquals(Reason.NOT_BLANK, other.reason());
        assertEquals(ChipState.FOREIGN, other.initialState());
    }

    @Test
    void foreignChipIsRefusedWithoutAnyAuthentication() {
        SimulatedNtag424 chip = SimulatedNtag424.builder().uid(UID).key(0, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
            11, 12, 13, 14, 15, 16}, 7).build();
        SimulatedNtag424Link link = new SimulatedNtag424Link(chip);
        RecipeFixture.RecordingLink rec = new RecipeFixture.RecordingLink(link, a -> a);
        PersonalizationResult r = personalizer.personalize(rec, URL, StepListener.NONE);
        assertEquals(Reason.NOT_BLANK, r.reason());
        assertEquals(ChipState.FOREIGN, r.initialState());
        assertTrue(rec.commands.stream().noneMatch(c -> (c[1] & 0xFF) == 0x71 || (c[1] & 0xFF) == 0x77),
                "never guesses a key");
        assertEquals(0, chip.totFailCtr());
    }

    @Test
    void foreignSdmSettingsWithFactoryKeysAreNotForced() {
        FileSettings foreign = new FileSettings(CommMode.PLAIN, new AccessRights(0xE, 0xE, 0xE, 0xE), 256,
                Optional.empty());
        SimulatedNtag424 chip = SimulatedNtag424.builder().uid(UID).fileSettings(2, foreign).build();
        PersonalizationResult r = personalizer.personalize(new SimulatedNtag424Link(chip), URL, StepListener.NONE);
        assertEquals(Reason.NOT_BLANK, r.reason());
        assertEquals(foreign, chip.fileSettings(2), "nothing written");
    }

    @Test
    void sameKeyVersionFromAnotherKeySetFailsVerificationBeforeAnyAuthentication() {
        SimulatedNtag424Link link = new SimulatedNtag424Link(RecipeFixture.blankChip());
        new Ntag424Personalizer(RecipeFixture.recipe(RecipeFixture.keys(1, 99))).personalize(link, URL, StepListener.NONE);
        PersonalizationResult r = personalizer.personalize(link, URL, StepListener.NONE);
        assertEquals(Reason.VERIFY_MISMATCH, r.reason());
        assertEquals(0, link.chip().totFailCtr(), "the SUN check fails before key 0 is tried");
    }

    @Test
    void untrustedSignatureIsCounterfeit() {
        OriginalityKeyPair rogue = OriginalityKeyPair.of(OriginalityKeyPair.SECP224R1, BigInteger.valueOf(123456789));
        SimulatedNtag424 chip = SimulatedNtag424.builder().uid(UID).originalityKey(rogue).build();
        PersonalizationResult r = personalizer.personalize(new SimulatedNtag424Link(chip), URL, StepListener.NONE);
        assertEquals(Reason.COUNTERFEIT, r.reason());
        assertEquals(0, chip.keyVersion(0));
    }

    @Test
    void simulatedSignatureIsRejectedWhenTheTestKeyIsNotTrusted() {
        Ntag424Personalizer strict = new Ntag424Personalizer(Ntag424Recipe.of(KEYS, SunTemplate.defaults(),
                OriginalitySignature.ntag424(List.of())));
        PersonalizationResult r = strict.personalize(new SimulatedNtag424Link(RecipeFixture.blankChip()), URL,
                StepListener.NONE);
        assertEquals(Reason.COUNTERFEIT, r.reason());
    }

    @Test
    void anticollisionUidDifferentFromGetVersionIsNotGenuine() {
        SimulatedNtag424Link inner = new SimulatedNtag424Link(RecipeFixture.blankChip());
        com.tagline.hardware.tag.TagLink lying = new RecipeFixture.RecordingLink(inner, a -> a) {
            @Override
            public Target target() {
                return new Target(new byte[] {4, 9, 9, 9, 9, 9, 9}, 0x0344, 0x20, new byte[0]);
            }
        };
        assertEquals(Reason.COUNTERFEIT, personalizer.personalize(lying, URL, StepListener.NONE).reason());
    }

    @Test
    void anotherChipKindIsWrongChip() {
        // GetVersion of a MIFARE DESFire EV2 (HW type 01): not an NTAG 424 DNA.
        ScriptedTagLink desfire = new ScriptedTagLink(new Target(UID, 0x0344, 0x20, new byte[0]))
                .expect("00A4040C07D276000085010100", "9000")
                .expect("9060000000", "0401011200160591AF")
                .expect("90AF000000", "0401010102160591AF")
                .expect("90AF000000", "04A1B2C3D4E580BA65935D4021189100");
        assertEquals(Reason.WRONG_CHIP, personalizer.personalize(desfire, URL, StepListener.NONE).reason());
        desfire.assertDone();
    }

    @Test
    void urlTooLongIsRejectedBeforeTheChipIsTouched() {
        RecipeFixture.RecordingLink rec = new RecipeFixture.RecordingLink(
                new SimulatedNtag424Link(RecipeFixture.blankChip()), a -> a);
        PersonalizationResult r = personalizer.personalize(rec, "https://example.com/" + "x".repeat(200),
                StepListener.NONE);
        assertEquals(Reason.URL_TOO_LONG, r.reason());
        assertTrue(r.detail().contains("too many"), r.detail());
        assertTrue(rec.commands.isEmpty());
    }

    @Test
    void chipLeavingTheFieldIsTagLost() {
        SimulatedNtag424Link link = new SimulatedNtag424Link(RecipeFixture.blankChip());
        link.removeFromField();
        PersonalizationResult r = personalizer.personalize(link, URL, StepListener.NONE);
        assertEquals(Reason.TAG_LOST, r.reason());
    }

    @Test
    void corruptedSunMessageIsVerifyMismatch() {
        SimulatedNtag424Link link = new SimulatedNtag424Link(RecipeFixture.blankChip());
        // Flip the last hex digit of the SDM MAC in every ReadData answer (URL ends with the MAC, then 9100).
        RecipeFixture.RecordingLink rec = new RecipeFixture.RecordingLink(link, a -> a) {
            @Override
            public byte[] transceive(byte[] apdu) {
                byte[] b = super.transceive(apdu);
                if ((apdu[1] & 0xFF) == 0xAD && b.length > 2) {
                    b[b.length - 3] = (byte) (b[b.length - 3] == 'A' ? 'B' : 'A');
                }
                return b;
            }
        };
        PersonalizationResult r = personalizer.personalize(rec, URL, StepListener.NONE);
        assertEquals(Reason.VERIFY_MISMATCH, r.reason(), r.detail());
    }

    @Test
    void intentIsHeardBeforeEachIrreversibleCommand() {
        SimulatedNtag424Link link = new SimulatedNtag424Link(RecipeFixture.blankChip());
        RecipeFixture.RecordingLink rec = new RecipeFixture.RecordingLink(link, a -> a);
        List<String> order = new ArrayList<>();
        personalizer.personalize(new RecipeFixture.RecordingLink(rec, a -> a) {
            @Override
            public byte[] transceive(byte[] apdu) {
                int ins = apdu[1] & 0xFF;
                if (ins == 0xC4) {
                    order.add("ChangeKey " + apdu[5]);
                } else if (ins == 0x5F) {
                    order.add("ChangeFileSettings");
                }
                return super.transceive(apdu);
            }
        }, URL, (step, uid) -> order.add(step.name()));
        assertEquals(List.of("WRITE_NDEF", "CHANGE_FILE_SETTINGS", "ChangeFileSettings", "CHANGE_KEY_1", "ChangeKey 1",
                "CHANGE_KEY_2", "ChangeKey 2", "CHANGE_KEY_3", "ChangeKey 3", "CHANGE_KEY_4", "ChangeKey 4",
                "CHANGE_KEY_0", "ChangeKey 0", "VERIFY"), order);
    }

    @Test
    void aFailingIntentRecordAbortsBeforeTheStep() {
        SimulatedNtag424 chip = RecipeFixture.blankChip();
        PersonalizationResult r;
        try {
            r = personalizer.personalize(new SimulatedNtag424Link(chip), URL, (step, uid) -> {
                if (step == Step.CHANGE_KEY_1) {
                    throw new IllegalStateException("disk full");
                }
            });
        } catch (IllegalStateException expected) {
            r = null;
        }
        assertEquals(null, r, "a store failure propagates to the caller");
        assertEquals(0, chip.keyVersion(1), "the step whose intent could not be recorded did not run");
    }

    @Test
    void authenticationDelayIsAuthFailed() {
        SimulatedNtag424Link link = new SimulatedNtag424Link(RecipeFixture.blankChip());
        RecipeFixture.RecordingLink delayed = new RecipeFixture.RecordingLink(link, a -> a) {
            @Override
            public byte[] transceive(byte[] apdu) {
                return (apdu[1] & 0xFF) == 0x71 ? new byte[] {(byte) 0x91, (byte) 0xAD} : super.transceive(apdu);
            }
        };
        PersonalizationResult r = personalizer.personalize(delayed, URL, StepListener.NONE);
        assertEquals(Reason.AUTH_FAILED, r.reason());
        assertTrue(r.detail().contains("91AD"), r.detail());
        assertFalse(link.chip().isAuthenticated());
    }

    @Test
    void differentChipsGetDifferentKeys() {
        byte[] other = UID.clone();
        other[6] ^= 1;
        assertFalse(java.util.Arrays.equals(KEYS.diversify(UID).key(0), KEYS.diversify(other).key(0)));
        SimulatedNtag424 a = SimulatedNtag424.builder().uid(other).random(new SplittableRandom(3)).build();
        assertEquals(Reason.CONFIGURED, personalizer.personalize(new SimulatedNtag424Link(a), URL, StepListener.NONE)
                .reason());
    }
}
