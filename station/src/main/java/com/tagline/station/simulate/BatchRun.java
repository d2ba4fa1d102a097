package com.tagline.station.simulate;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.station.personalize.Ntag223Personalizer;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.Reason;
import com.tagline.station.personalize.StepListener;
import java.io.PrintStream;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Personalizes a batch of simulated chips with the real recipes: each chip is inspected, written,
 * locked and verified, torn chips are presented again and resumed, and every configured chip is
 * scanned like a phone and its SUN message checked with keys derived from the master keys. The
 * {@link BatchProtocol} says which chips are NTAG 424 DNA and which NTAG 223 DNA.
 */
public final class BatchRun {
    private final Ntag424Personalizer personalizer;
    private final Ntag223Personalizer personalizer223;
    private final BatchProtocol protocol;
    private final MasterKeySet keys;
    private final SunTemplate template;
    private final String urlBase;

    /** An NTAG 424 DNA batch. */
    public BatchRun(Ntag424Personalizer personalizer, MasterKeySet keys, SunTemplate template, String urlBase) {
        this(personalizer, null, BatchProtocol.NTAG_424_DNA, keys, template, urlBase);
    }

    /** A batch of {@code protocol}; {@code personalizer223} may be null only for an NTAG 424 DNA batch. */
    public BatchRun(Ntag424Personalizer personalizer, Ntag223Personalizer personalizer223, BatchProtocol protocol,
            MasterKeySet keys, SunTemplate template, String urlBase) {
        if (protocol != BatchProtocol.NTAG_424_DNA) {
            Objects.requireNonNull(personalizer223, "an NTAG 223 DNA personalizer");
        }
        this.personalizer = personalizer;
        this.personalizer223 = personalizer223;
        this.protocol = protocol;
        this.keys = keys;
        this.template = template;
        this.urlBase = urlBase;
    }

    public BatchSummary run(SimulatedChips chips, int count, IntConsumer progress) {
        BatchSummary summary = new BatchSummary();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String url = urlBase + String.format("tag_%06d", i);
            if (protocol.ntag223At(i)) {
                one223(chips.next223(i), url, summary);
            } else {
                one424(chips.next(i), url, summary);
            }
            progress.accept(i + 1);
        }
        summary.elapsed(System.nanoTime() - t0);
        return summary;
    }

    private void one424(SimulatedChips.Chip chip, String url, BatchSummary summary) {
        one(chip.defect(), () -> personalizer.personalize(chip.link(), url, StepListener.NONE), chip.link()::putBack,
                result -> {
                    String scanned = PhoneScan.read(chip.link());
                    byte[] uid = HexFormat.of().parseHex(result.uidHex());
                    SunResult sun = PhoneScan.verify(scanned, keys.diversify(uid), template.metaReadKey(),
                            template.fileReadKey());
                    return sun.valid();
                }, summary);
    }

    private void one223(SimulatedChips.Chip223 chip, String url, BatchSummary summary) {
        one(chip.defect(), () -> personalizer223.personalize(chip.link(), url, StepListener.NONE),
                chip.link()::putBack, result -> {
                    String scanned = PhoneScan.readType2(chip.link());
                    byte[] uid = HexFormat.of().parseHex(result.uidHex());
                    return PhoneScan.verifyNtag223(scanned, keys.diversify(uid)).valid();
                }, summary);
    }

    /** Personalizes (and resumes a torn chip once), records the outcome and scans a configured chip. */
    private static void one(ChipDefect defect, Supplier<PersonalizationResult> attempt, Runnable putBack,
            Predicate<PersonalizationResult> scanVerifies, BatchSummary summary) {
        PersonalizationResult result = attempt.get();
        if (result.reason() == Reason.TAG_LOST && defect == ChipDefect.TORN_THEN_RESUMED) {
            putBack.run();
            result = attempt.get();
            if (result.configured()) {
                summary.resumed();
            }
        }
        summary.record(result.reason());
        if (result.reason() != expected(defect)) {
            summary.unexpected();
        }
        if (result.configured()) {
            summary.verified(scanVerifies.test(result));
        }
    }

    static Reason expected(ChipDefect defect) {
        return switch (defect) {
            case NONE, TORN_THEN_RESUMED -> Reason.CONFIGURED;
            case COUNTERFEIT -> Reason.COUNTERFEIT;
            case FOREIGN -> Reason.NOT_BLANK;
            case LEAVES_FIELD -> Reason.TAG_LOST;
        };
    }

    /** Progress lines on stderr every tenth of the batch. */
    public static IntConsumer progressTo(PrintStream err, int count) {
        int step = Math.max(1, count / 10);
        return done -> {
            if (done % step == 0 || done == count) {
                err.printf("simulate: %d/%d chips%n", done, count);
            }
        };
    }
}
