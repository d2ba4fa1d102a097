package com.tagline.station.personalize;

import com.tagline.hardware.TaglineException;
import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.ntag223.Ntag223;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Keys;
import com.tagline.hardware.ntag223.Ntag223Memory;
import com.tagline.hardware.ntag223.Ntag223NakException;
import com.tagline.hardware.ntag223.sun.MirrorLayout;
import com.tagline.hardware.ndef.UrlDoesNotFitException;
import com.tagline.hardware.ntag223.sun.SunMirror;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.TagLostException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NTAG 223 DNA personalization recipe (ntag223.md §7):
 * <ol>
 *   <li>lay out the URL for every accepted variant (rejected with {@code url_too_long} before any frame);</li>
 *   <li>inspect without a password and classify (blank, ours, partial, foreign, not genuine, wrong kind);</li>
 *   <li>write the NDEF with the zero-filled message area (WRITE per page from 04h; CC if needed) (§7 step 3);</li>
 *   <li>write the per-chip SUNCMAC_KEY, key 2 of the AN10922 diversification ({@link Ntag223Keys}) (step 4);</li>
 *   <li>enable the mirror and the NFC counter (CFG0, CFG1) (step 5);</li>
 *   <li>verify the mirrored message with the derived key, then set LOCK_SUNCMAC_KEY (steps 6–7);</li>
 *   <li>write the diversified PWD/PACK ({@link Ntag223Password}), then CFG1 and AUTH0 last (step 8);</li>
 *   <li>verify again: configuration as left, NDEF and URL as a phone reads them, the SUN message, and one
 *       PWD_AUTH with our password answering our PACK (step 9).</li>
 * </ol>
 * Every write is one page, applied all-or-nothing by the chip, and each step is idempotent, so after a
 * tear between (or inside) any two steps the next run decides from the chip alone: NDEF rewritten unless
 * ours, key rewritten unless the message already verifies with it, mirror/counter rewritten unless set,
 * key locked unless locked, password and protection written unless AUTH0 is on. The listener hears each
 * step before it runs.
 *
 * <p>Threading: call from the reader thread only. Never throws for chip-side failures: they become a
 * {@link PersonalizationResult} with a {@link Reason}. Keys and the password are derived per run and
 * never logged.
 */
public final class Ntag223Personalizer {
    private static final Logger log = LoggerFactory.getLogger(Ntag223Personalizer.class);

    private final Ntag223Recipe recipe;
    private final Ntag223Inspector inspector;

    public Ntag223Personalizer(Ntag223Recipe recipe) {
        this.recipe = recipe;
        this.inspector = new Ntag223Inspector(recipe);
    }

    public PersonalizationResult personalize(TagLink link, String tagUrl, StepListener listener) {
        try {
            recipe.checkFits(tagUrl);
        } catch (UrlDoesNotFitException e) {
            return new PersonalizationResult(Reason.URL_TOO_LONG, e.getMessage(), null, null, List.of(), null);
        }
        return new Run(new Ntag223Memory(new Ntag223(link, recipe.profile())), tagUrl, listener).execute();
    }

    /**
     * Reads and classifies a chip without changing it and without PWD_AUTH.
     *
     * @throws UrlDoesNotFitException when the URL does not fit an accepted variant (before any frame)
     * @throws TaglineException for a lost tag or a chip failure
     */
    public Ntag223Inspection inspect(TagLink link, String tagUrl) {
        recipe.checkFits(tagUrl);
        return inspector.inspect(new Ntag223Memory(new Ntag223(link, recipe.profile())), tagUrl);
    }

    /** One chip's run: keeps the steps done for the result. */
    private final class Run {
        private final Ntag223Memory memory;
        private final String tagUrl;
        private final StepListener listener;
        private final List<Step> done = new ArrayList<>();
        private final long startedNanos = System.nanoTime();
        private Ntag223Inspection inspection;
        private String verifiedUrl;

        Run(Ntag223Memory memory, String tagUrl, StepListener listener) {
            this.memory = memory;
            this.tagUrl = tagUrl;
            this.listener = listener;
        }

        PersonalizationResult execute() {
            try {
                inspection = inspector.inspect(memory, tagUrl);
                Reason refused = refusal(inspection.state());
                if (refused != null) {
                    return result(refused, inspection.detail());
                }
                MirrorLayout layout = recipe.layout(tagUrl, inspection.variant());
                ChipKeys keys = recipe.keys().diversify(inspection.uid());
                Ntag223Password password = Ntag223Password.derive(keys, inspection.uid());
                String problem = inspection.state() == ChipState.PERSONALIZED ? null : apply(layout, keys, password);
                if (problem != null) {
                    return result(Reason.VERIFY_MISMATCH, problem);
                }
                step(Step.VERIFY);
                problem = verify(layout, keys, password);
                return problem == null ? result(Reason.CONFIGURED, inspection.detail())
                        : result(Reason.VERIFY_MISMATCH, problem);
            } catch (TagLostException e) {
                return result(Reason.TAG_LOST, e.getMessage());
            } catch (TaglineException e) {
                return result(Reason.CHIP_ERROR, e.getMessage());
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

        /** The steps not yet done, decided from the inspection; null, or why the mid-recipe check failed. */
        private String apply(MirrorLayout layout, ChipKeys keys, Ntag223Password password) {
            Ntag223Config config = inspection.config();
            if (!inspection.ndefOurs()) {
                step(Step.WRITE_NDEF);
                memory.ensureCapabilityContainer();
                memory.writeUserMemory(layout.userImage());
            }
            if (!inspection.sunOurs()) {
                step(Step.WRITE_SUN_KEY);
                new SunMirror(memory).writeKey(Ntag223Keys.sunKey(keys));
            }
            boolean tamper = recipe.tamperVisibleOn(inspection.variant());
            if (!config.mirrorEnabled() || config.mirrorOffset() != layout.messageOffset() || !config.counterEnabled()
                    || config.tamperVisible() != tamper) {
                step(Step.ENABLE_MIRROR);
                new SunMirror(memory).enable(layout, true, tamper);
            }
            if (!config.sunKeyLocked()) {
                String problem = Ntag223SunCheck.problem(layout, memory.readConfiguration(), memory.readUserMemory(),
                        Ntag223Keys.sunKey(keys), inspection.uid());
                if (problem != null) {
                    return "before locking the key: " + problem;
                }
                step(Step.LOCK_SUN_KEY);
                memory.lockSunKey();
            }
            if (!config.passwordProtectionActive(recipe.profile().pages().lastPage())) {
                step(Step.SET_PASSWORD);
                memory.writePassword(password.pwd(), password.pack());
                step(Step.PROTECT_CONFIGURATION);
                memory.protect(recipe.protectFrom(), false, 0);
            }
            return null;
        }

        /** §7 step 9: configuration as left, NDEF and SUN as a phone reads them, one PWD_AUTH. */
        private String verify(MirrorLayout layout, ChipKeys keys, Ntag223Password password) {
            Ntag223Config c = memory.readConfiguration();
            if (c.auth0() != recipe.protectFrom() || c.prot() || !c.sunKeyLocked() || !c.counterEnabled()
                    || c.configLocked()) {
                return "configuration reads back " + c + ", not as the recipe leaves it";
            }
            byte[] user = memory.readUserMemory();
            verifiedUrl = Ntag223SunCheck.url(user).orElse(null);
            if (!layout.matchesIgnoringMirror(user) || verifiedUrl == null) {
                return "NDEF does not read back as written";
            }
            String problem = Ntag223SunCheck.problem(layout, c, user, Ntag223Keys.sunKey(keys), inspection.uid());
            if (problem != null) {
                return problem;
            }
            byte[] pack;
            try {
                pack = memory.chip().pwdAuth(password.pwd());
            } catch (Ntag223NakException e) {
                return "PWD_AUTH with the derived password was refused";
            }
            return password.packMatches(pack) ? null : "PWD_AUTH answered a PACK that is not ours";
        }

        private void step(Step s) {
            listener.beforeStep(s, inspection.uidHex());
            done.add(s);
        }

        private PersonalizationResult result(Reason reason, String detail) {
            String uid = inspection == null ? ChipInspector.hex(memory.chip().link().target().uid()) : inspection.uidHex();
            ChipState state = inspection == null ? null : inspection.state();
            long micros = (System.nanoTime() - startedNanos) / 1_000;
            log.info("chip uid={} kind=ntag_223_dna outcome={} duration_us={} steps={} detail={}", uid, reason.code(),
                    micros, done, detail);
            return new PersonalizationResult(reason, detail, uid, state, done, verifiedUrl);
        }
    }
}
