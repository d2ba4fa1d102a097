package com.tagline.station.personalize;

import com.tagline.hardware.TaglineException;
import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Keys;
import com.tagline.hardware.ntag223.Ntag223Memory;
import com.tagline.hardware.ntag223.Ntag223NakException;
import com.tagline.hardware.ntag223.Ntag223Snapshot;
import com.tagline.hardware.ntag223.sun.MirrorLayout;
import com.tagline.hardware.ndef.UrlDoesNotFitException;
import com.tagline.hardware.ntag223.sun.SunMirror;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.TagLostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NTAG 223 DNA personalization recipe (ntag223.md §7), writing only what the chip does not already hold
 * and reading each area once (issue 13):
 * <ol>
 *   <li>lay out the URL for every accepted variant (rejected with {@code url_too_long} before any frame);</li>
 *   <li>inspect without a password and classify (blank, ours, partial, foreign, not genuine, wrong kind):
 *       GET_VERSION, READ_SIG and one FAST_READ of header, user memory and configuration
 *       ({@link Ntag223Inspector});</li>
 *   <li>write the NDEF (§7 step 3): the CC if it differs, and each page of the image that differs from what was
 *       read, except pages wholly inside the SUN message area, which the chip overlays on every read once
 *       MIRROR_EN is set (§6.1; Proxmark3 formats chips that way) and which stay as they are underneath;</li>
 *   <li>write the per-chip SUNCMAC_KEY, key 2 of the AN10922 diversification ({@link Ntag223Keys}) (step 4);</li>
 *   <li>enable the mirror and write CFG1 in its final form: NFC counter on, PROT off, AUTHLIM 0, inert until
 *       AUTH0 (step 5);</li>
 *   <li>verify the mirrored message with the derived key (a FAST_READ of its pages), then set
 *       LOCK_SUNCMAC_KEY (steps 6–7);</li>
 *   <li>write the diversified PWD/PACK ({@link Ntag223Password}), then AUTH0 last (step 8);</li>
 *   <li>verify again with one FAST_READ of user memory and configuration: configuration as left, NDEF and URL
 *       as a phone reads them, the SUN message; then one PWD_AUTH with our password answering our PACK
 *       (step 9).</li>
 * </ol>
 * The configuration written is computed from what inspection read and what this run wrote since, so it is
 * not read again before each write. Every write is one page, applied all-or-nothing by the chip, and each
 * step is idempotent, so after a tear between (or inside) any two steps the next run decides from the chip
 * alone. Steps, in order, each heard by the listener before its first frame: {@link Step#WRITE_NDEF}
 * (reversible), {@link Step#WRITE_SUN_KEY}, {@link Step#ENABLE_MIRROR}, {@link Step#LOCK_SUN_KEY},
 * {@link Step#SET_PASSWORD}, {@link Step#PROTECT_CONFIGURATION} (irreversible), {@link Step#VERIFY}.
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
                return GarbledAnswer.is(e) ? result(Reason.TAG_LOST, GarbledAnswer.detail(e))
                        : result(Reason.CHIP_ERROR, e.getMessage());
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
                writeNdef(layout);
            }
            byte[] sunKey = Ntag223Keys.sunKey(keys);
            if (!inspection.sunOurs()) {
                step(Step.WRITE_SUN_KEY);
                new SunMirror(memory).writeKey(sunKey);
            }
            boolean tamper = recipe.tamperVisibleOn(inspection.variant());
            if (!config.mirrorEnabled() || config.mirrorOffset() != layout.messageOffset() || !config.counterEnabled()
                    || config.tamperVisible() != tamper) {
                step(Step.ENABLE_MIRROR);
                Ntag223Config mirrored = layout.configure(config).withCounter(true).withTamperVisible(tamper)
                        .withProt(false).withAuthLimit(0);
                writeConfig(config, mirrored);
                config = mirrored;
            }
            if (!config.sunKeyLocked()) {
                byte[] pages = memory.chip().fastRead(layout.firstMessagePage(), layout.lastMessagePage());
                String problem = Ntag223SunCheck.problem(layout, config, pages, layout.firstMessagePage(), sunKey,
                        inspection.uid());
                if (problem != null) {
                    return "before locking the key: " + problem;
                }
                step(Step.LOCK_SUN_KEY);
                config = config.withSunKeyLock();
                memory.writeKeyLock(config);
            }
            if (!config.passwordProtectionActive(recipe.profile().pages().lastPage())) {
                step(Step.SET_PASSWORD);
                memory.writePassword(password.pwd(), password.pack());
                step(Step.PROTECT_CONFIGURATION);
                writeConfig(config, config.withProt(false).withAuthLimit(0).withAuth0(recipe.protectFrom()));
            }
            return null;
        }

        /**
         * The CC if it differs, then each image page that differs from user memory as read, except the pages
         * wholly inside the message area (overlaid by the chip once the mirror is on, ntag223.md §6.1).
         */
        private void writeNdef(MirrorLayout layout) {
            Ntag223Snapshot read = inspection.memory();
            byte[] cc = recipe.profile().capabilityContainer();
            if (!Arrays.equals(read.header().capabilityContainer(), cc)) {
                memory.chip().write(MemoryMap.CC_PAGE, cc);
            }
            byte[] image = layout.userImage();
            byte[] current = read.user();
            int firstPage = recipe.profile().pages().userStart();
            int messageFrom = layout.messageOffset();
            int messageTo = messageFrom + layout.messageLength();
            for (int at = 0; at < image.length; at += MemoryMap.PAGE_SIZE) {
                int offset = (firstPage * MemoryMap.PAGE_SIZE) + at;
                boolean overlaid = offset >= messageFrom && offset + MemoryMap.PAGE_SIZE <= messageTo;
                byte[] page = Arrays.copyOfRange(image, at, at + MemoryMap.PAGE_SIZE);
                if (!overlaid && !Arrays.equals(page, Arrays.copyOfRange(current, at, at + MemoryMap.PAGE_SIZE))) {
                    memory.chip().write(firstPage + at / MemoryMap.PAGE_SIZE, page);
                }
            }
        }

        /** CFG1 then CFG0 (AUTH0 protects later writes at once, §7 step 8), each only when it changes. */
        private void writeConfig(Ntag223Config current, Ntag223Config target) {
            if (!Arrays.equals(current.cfg1(), target.cfg1())) {
                memory.writeCfg1(target);
            }
            if (!Arrays.equals(current.cfg0(), target.cfg0())) {
                memory.writeCfg0(target);
            }
        }

        /** §7 step 9: configuration as left, NDEF and SUN as a phone reads them, one PWD_AUTH. */
        private String verify(MirrorLayout layout, ChipKeys keys, Ntag223Password password) {
            Ntag223Snapshot read = memory.readUserAndConfiguration();
            Ntag223Config c = read.config();
            if (c.auth0() != recipe.protectFrom() || c.prot() || !c.sunKeyLocked() || !c.counterEnabled()
                    || c.configLocked()) {
                return "configuration reads back " + c + ", not as the recipe leaves it";
            }
            byte[] user = read.user();
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
            // DEBUG: the encoder logs the chip's one INFO line (architecture §8); this one adds the steps run
            log.debug("event=personalized uid={} protocol=ntag_223_dna outcome={} duration_us={} steps={} detail=\"{}\"", uid,
                    reason.code(), micros, done.stream().map(Enum::name).collect(Collectors.joining(",")), detail);
            return new PersonalizationResult(reason, detail, uid, state, done, verifiedUrl);
        }
    }
}
