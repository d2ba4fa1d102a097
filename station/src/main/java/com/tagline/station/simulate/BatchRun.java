package com.tagline.station.simulate;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.Reason;
import com.tagline.station.personalize.StepListener;
import java.io.PrintStream;
import java.util.HexFormat;
import java.util.function.IntConsumer;

/**
 * Personalizes a batch of simulated chips with the real recipe: each chip is inspected, written,
 * locked and verified, torn chips are presented again and resumed, and every configured chip is
 * scanned like a phone and its SUN message checked with keys derived from the master keys.
 */
public final class BatchRun {
    private final Ntag424Personalizer personalizer;
    private final MasterKeySet keys;
    private final SunTemplate template;
    private final String urlBase;

    public BatchRun(Ntag424Personalizer personalizer, MasterKeySet keys, SunTemplate template, String urlBase) {
        this.personalizer = personalizer;
        this.keys = keys;
        this.template = template;
        this.urlBase = urlBase;
    }

    public BatchSummary run(SimulatedChips chips, int count, IntConsumer progress) {
        BatchSummary summary = new BatchSummary();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            one(chips.next(i), i, summary);
            progress.accept(i + 1);
        }
        summary.elapsed(System.nanoTime() - t0);
        return summary;
    }

    private void one(SimulatedChips.Chip chip, int index, BatchSummary summary) {
        String url = urlBase + String.format("tag_%06d", index);
        PersonalizationResult result = personalizer.personalize(chip.link(), url, StepListener.NONE);
        if (result.reason() == Reason.TAG_LOST && chip.defect() == ChipDefect.TORN_THEN_RESUMED) {
            chip.link().putBack();
            result = personalizer.personalize(chip.link(), url, StepListener.NONE);
            if (result.configured()) {
                summary.resumed();
            }
        }
        summary.record(result.reason());
        if (result.reason() != expected(chip.defect())) {
            summary.unexpected();
        }
        if (result.configured()) {
            String scanned = PhoneScan.read(chip.link());
            byte[] uid = HexFormat.of().parseHex(result.uidHex());
            SunResult sun = PhoneScan.verify(scanned, keys.diversify(uid), template.metaReadKey(),
                    template.fileReadKey());
            summary.verified(sun.valid());
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
