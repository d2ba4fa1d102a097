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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NTAG 424 DNA personalization recipe (ntag424.md §11 "recommended station logic"), in as few exchanges
 * as its checks allow (issue 13):
 * <ol>
 *   <li>lay out the URL (rejected with {@code url_too_long} before the chip is touched);</li>
 *   <li>inspect without authentication and classify (blank, ours, partial, foreign, not genuine), reading
 *       only what the chip's state requires ({@link ChipInspector});</li>
 *   <li>blank: write the NDEF with unauthenticated WriteData while its Write right is still free (E), each
 *       write one ISO 14443-4 frame, which the chip applies atomically (DS §8.2.3.1, §8.6);</li>
 *   <li>AuthenticateEV2First with the factory key 0 (only when GetKeyVersion(0) = 00: never guess);</li>
 *   <li>partial: rewrite the NDEF with WriteData if its static bytes differ; ChangeFileSettings
 *       (SDM on; read free; write and change key 0) if not yet ours;</li>
 *   <li>ChangeKey 1..4 where the version is not yet ours, then ChangeKey 0 last (the session ends);</li>
 *   <li>verify ({@link SunCheck}): an unauthenticated read gives a SUN URL that verifies with the derived keys
 *       and carries the chip's UID, and key 0 authenticates.</li>
 * </ol>
 * Steps, in order, each heard by the listener before its first command goes out: {@link Step#WRITE_NDEF}
 * (reversible), {@link Step#CHANGE_FILE_SETTINGS}, {@link Step#CHANGE_KEY_1} to {@link Step#CHANGE_KEY_4},
 * {@link Step#CHANGE_KEY_0} (all irreversible), {@link Step#VERIFY}. Resumable after a tear between or inside
 * any two steps: the chip's key versions and file settings say which steps are done.
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
                return GarbledAnswer.is(e) ? result(Reason.TAG_LOST, GarbledAnswer.detail(e)) : result(r, e.getMessage());
            } catch (SecureMessagingException e) {
                return result(Reason.AUTH_FAILED, e.getMessage());
            } catch (TaglineException e) {
                return GarbledAnswer.is(e) ? result(Reason.TAG_LOST, GarbledAnswer.detail(e))
                        : result(Reason.CHIP_ERROR, e.getMessage());
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
                writeChunks(layout.ndefFile()); // unauthenticated: the Write right is still free (E)
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
            List<Integer> versions = inspection.keyVersions();
            for (int k = 1; k < Ntag424.KEY_COUNT; k++) {
                // Not read on a blank chip: factory, as the recipe changes them only after the settings.
                int current = k < versions.size() ? versions.get(k) : 0;
                if (current != version) {
                    step(Step.changeKey(k));
                    chip.changeKey(k, ChipKeys.FACTORY_KEY, keys.key(k), version);
                }
            }
            step(Step.CHANGE_KEY_0);
            chip.changeKey(0, null, keys.key(0), version);
        }

        /** Partial chip with our SDM already set: authenticated reads give the static bytes (DS §9.3). */
        private void rewriteNdefIfChanged() {
            byte[] file = layout.ndefFile();
            byte[] current = chip.readData(Ntag424.FILE_NDEF, 0, file.length, CommMode.PLAIN);
            if (Arrays.equals(current, file)) {
                return;
            }
            step(Step.WRITE_NDEF);
            writeChunks(file);
        }

        /** WriteData of {@code file} from offset 0, each chunk one frame the chip applies atomically (DS §8.6). */
        private void writeChunks(byte[] file) {
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
            // DEBUG: the encoder logs the chip's one INFO line (architecture §8); this one adds the steps run
            log.debug("event=personalized uid={} protocol=ntag_424_dna outcome={} duration_us={} steps={} detail=\"{}\"", uid,
                    reason.code(), micros, done.stream().map(Enum::name).collect(Collectors.joining(",")), detail);
            return new PersonalizationResult(reason, detail, uid, state, done, sunCheck.lastUrl());
        }
    }
}
