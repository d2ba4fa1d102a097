package com.tagline.station.personalize;

import com.tagline.hardware.TaglineException;
import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.ntag424.ChipStatusException;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.FileSettings;
import com.tagline.hardware.ntag424.Ntag424;
import com.tagline.hardware.ntag424.SecureMessagingException;
import com.tagline.hardware.ntag424.StatusWord;
import com.tagline.hardware.ntag424.sdm.SunLayout;
import com.tagline.hardware.ndef.UrlDoesNotFitException;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.TagLostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NTAG 424 DNA personalization recipe (ntag424.md §11 "recommended station logic"):
 * <ol>
 *   <li>lay out the URL (rejected with {@code url_too_long} before the chip is touched);</li>
 *   <li>inspect without authentication and classify (blank, ours, partial, foreign, not genuine);</li>
 *   <li>blank: write the NDEF with ISOUpdateBinary in single frames (ISO I/O must precede
 *       authentication, DS Tables 89/92);</li>
 *   <li>AuthenticateEV2First with the factory key 0 (only when GetKeyVersion(0) = 00: never guess);</li>
 *   <li>partial: rewrite the NDEF with WriteData if its static bytes differ; ChangeFileSettings
 *       (SDM on; read free; write and change key 0) if not yet ours;</li>
 *   <li>ChangeKey 1..4 where the version is not yet ours, then ChangeKey 0 last (the session ends);</li>
 *   <li>verify: an unauthenticated read gives a SUN URL that verifies with the derived keys, key
 *       versions read back as the key-set version, and key 0 authenticates.</li>
 * </ol>
 * Resumable after a tear between any two steps: the chip's key versions and file settings say
 * which steps are done. The listener hears each step before it runs.
 *
 * <p>Threading: call from the reader thread only. Never throws for chip-side failures: they become
 * a {@link PersonalizationResult} with a {@link Reason}.
 */
public final class Ntag424Personalizer {
    private static final Logger log = LoggerFactory.getLogger(Ntag424Personalizer.class);

    private final Ntag424Recipe recipe;
    private final ChipInspector inspector;
    private final SunCheck sunCheck;

    public Ntag424Personalizer(Ntag424Recipe recipe) {
        this.recipe = recipe;
        this.inspector = new ChipInspector(recipe);
        this.sunCheck = new SunCheck(recipe);
    }

    public PersonalizationResult personalize(TagLink link, String tagUrl, StepListener listener) {
        SunLayout layout;
        try {
            layout = recipe.layout(tagUrl);
        } catch (UrlDoesNotFitException e) {
            return new PersonalizationResult(Reason.URL_TOO_LONG, e.getMessage(), null, null, List.of(), null);
        }
        Run run = new Run(new Ntag424(link), layout, listener);
        return run.execute();
    }

    /** Reads and classifies a chip without changing it. */
    public Inspection inspect(TagLink link, String tagUrl) {
        return inspector.inspect(new Ntag424(link), Ntag424Recipe.personalizedNdefSettings(recipe.layout(tagUrl)));
    }

    /** One chip's run: keeps the steps done for the result. */
    private final class Run {
        private final Ntag424 chip;
        private final SunLayout layout;
        private final StepListener listener;
        private final FileSettings target;
        private final List<Step> done = new ArrayList<>();
        private final long startedNanos = System.nanoTime();
        private Inspection inspection;

        Run(Ntag424 chip, SunLayout layout, StepListener listener) {
            this.chip = chip;
            this.layout = layout;
            this.listener = listener;
            this.target = Ntag424Recipe.personalizedNdefSettings(layout);
        }

        PersonalizationResult execute() {
            try {
                inspection = inspector.inspect(chip, target);
                Reason refused = refusal(inspection.state());
                if (refused != null) {
                    return result(refused, inspection.detail());
                }
                ChipKeys keys = recipe.keys().diversify(inspection.uid());
                if (inspection.state() != ChipState.PERSONALIZED) {
                    apply(keys);
                }
                step(Step.VERIFY);
                String problem = sunCheck.verify(chip, layout, keys);
                return problem == null ? result(Reason.CONFIGURED, inspection.detail()) : result(Reason.VERIFY_MISMATCH, problem);
            } catch (TagLostException e) {
                return result(Reason.TAG_LOST, e.getMessage());
            } catch (ChipStatusException e) {
                Reason r = e.is(StatusWord.AUTHENTICATION_ERROR) || e.is(StatusWord.AUTHENTICATION_DELAY)
                        ? Reason.AUTH_FAILED : Reason.CHIP_ERROR;
                return result(r, e.getMessage());
            } catch (SecureMessagingException e) {
                return result(Reason.AUTH_FAILED, e.getMessage());
            } catch (TaglineException e) {
                return result(Reason.CHIP_ERROR, e.getMessage());
            } finally {
                chip.dropSession();
            }
        }

        private Reason refusal(ChipState state) {
            return switch (state) {
                case WRONG_KIND -> Reason.WRONG_CHIP;
                case NOT_GENUINE -> Reason.COUNTERFEIT;
                case FOREIGN -> Reason.NOT_BLANK;
                default -> null;
            };
        }

        private void apply(ChipKeys keys) {
            boolean factorySettings = inspection.ndefSettings().equals(Ntag424Recipe.factoryNdefSettings());
            if (factorySettings) {
                step(Step.WRITE_NDEF);
                writeNdefIso();
            }
            chip.authenticateEv2First(0, ChipKeys.FACTORY_KEY);
            if (!factorySettings) {
                rewriteNdefIfChanged();
            }
            if (!inspection.ndefSettings().equals(target)) {
                step(Step.CHANGE_FILE_SETTINGS);
                chip.changeFileSettings(Ntag424.FILE_NDEF, target);
            }
            int version = recipe.keys().version();
            for (int k = 1; k < Ntag424.KEY_COUNT; k++) {
                if (inspection.keyVersions().get(k) != version) {
                    step(Step.changeKey(k));
                    chip.changeKey(k, ChipKeys.FACTORY_KEY, keys.key(k), version);
                }
            }
            step(Step.CHANGE_KEY_0);
            chip.changeKey(0, null, keys.key(0), version);
        }

        /** Single-frame ISOUpdateBinary writes: each is atomic on the chip (ntag424.md §1). */
        private void writeNdefIso() {
            byte[] file = layout.ndefFile();
            chip.isoSelectFile(Ntag424.FID_NDEF);
            for (int off = 0; off < file.length; off += recipe.isoWriteChunk()) {
                chip.isoUpdateBinary(off, Arrays.copyOfRange(file, off, Math.min(file.length, off + recipe.isoWriteChunk())));
            }
        }

        /** Partial chip with our SDM already set: authenticated reads give the static bytes (DS §9.3). */
        private void rewriteNdefIfChanged() {
            byte[] file = layout.ndefFile();
            byte[] current = chip.readData(Ntag424.FILE_NDEF, 0, file.length, CommMode.PLAIN);
            if (Arrays.equals(current, file)) {
                return;
            }
            step(Step.WRITE_NDEF);
            for (int off = 0; off < file.length; off += recipe.writeDataChunk()) {
                byte[] part = Arrays.copyOfRange(file, off, Math.min(file.length, off + recipe.writeDataChunk()));
                chip.writeData(Ntag424.FILE_NDEF, off, part, CommMode.PLAIN);
            }
        }

        private void step(Step s) {
            listener.beforeStep(s, inspection.uidHex());
            done.add(s);
        }

        private PersonalizationResult result(Reason reason, String detail) {
            String uid = inspection == null ? ChipInspector.hex(chip.link().target().uid()) : inspection.uidHex();
            ChipState state = inspection == null ? null : inspection.state();
            long micros = (System.nanoTime() - startedNanos) / 1_000;
            log.info("chip uid={} outcome={} duration_us={} steps={} detail={}", uid, reason.code(), micros, done, detail);
            return new PersonalizationResult(reason, detail, uid, state, done, sunCheck.lastUrl());
        }
    }
}
