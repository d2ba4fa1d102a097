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
import com.tagline.hardware.line.LineSignals;
import com.tagline.simulator.line.ConveyorItem;
import com.tagline.simulator.line.ConveyorLayout;
import com.tagline.simulator.line.GateRecord;
import com.tagline.station.line.LineTiming;
import com.tagline.station.line.SimulatedLineRun;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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
            chip(chips, i, summary);
            progress.accept(i + 1);
        }
        summary.elapsed(System.nanoTime() - t0);
        return summary;
    }

    /**
     * The same batch on the simulated conveyor: the real line controller indexes each item to the
     * antenna, the chip it carries is personalized there, and the reject gate must push off exactly
     * the items whose chip did not end configured (checked against the conveyor's gate record).
     */
    public BatchSummary runOnLine(SimulatedChips chips, int count, IntConsumer progress) {
        BatchSummary summary = new BatchSummary();
        Set<Long> failedItems = new HashSet<>();
        long t0 = System.nanoTime();
        int[] encoded = {0};
        Predicate<ConveyorItem> encoder = item -> {
            int index = (int) item.id() - 1; // conveyor items are numbered from 1 in feed order
            boolean configured = chip(chips, index, summary);
            if (!configured) {
                failedItems.add(item.id());
            }
            progress.accept(++encoded[0]);
            return configured;
        };
        try (SimulatedLineRun line = new SimulatedLineRun(ConveyorLayout.standard(), LineSignals.standard(),
                LineTiming.standard(), ENCODE_TIME, encoder)) {
            List<GateRecord> gate = line.runItems(Collections.nCopies(count, false), LINE_TIME_PER_ITEM.multipliedBy(count));
            gate.forEach(g -> summary.gate(g.rejected(), failedItems.contains(g.itemId())));
            summary.itemsLost(count - gate.size());
        }
        summary.elapsed(System.nanoTime() - t0);
        return summary;
    }

    /** Virtual encoding time per chip on the line model (the benchmark measures the real host time). */
    private static final Duration ENCODE_TIME = Duration.ofMillis(300);
    /** Virtual-time budget per item before the run is declared stuck. */
    private static final Duration LINE_TIME_PER_ITEM = Duration.ofSeconds(10);

    private boolean chip(SimulatedChips chips, int index, BatchSummary summary) {
        String url = urlBase + String.format("tag_%06d", index);
        return protocol.ntag223At(index) ? one223(chips.next223(index), url, summary)
                : one424(chips.next(index), url, summary);
    }

    private boolean one424(SimulatedChips.Chip chip, String url, BatchSummary summary) {
        return one(chip.defect(), () -> personalizer.personalize(chip.link(), url, StepListener.NONE), chip.link()::putBack,
                result -> {
                    String scanned = PhoneScan.read(chip.link());
                    byte[] uid = HexFormat.of().parseHex(result.uidHex());
                    SunResult sun = PhoneScan.verify(scanned, keys.diversify(uid), template.metaReadKey(),
                            template.fileReadKey());
                    return sun.valid();
                }, summary);
    }

    private boolean one223(SimulatedChips.Chip223 chip, String url, BatchSummary summary) {
        return one(chip.defect(), () -> personalizer223.personalize(chip.link(), url, StepListener.NONE),
                chip.link()::putBack, result -> {
                    String scanned = PhoneScan.readType2(chip.link());
                    byte[] uid = HexFormat.of().parseHex(result.uidHex());
                    return PhoneScan.verifyNtag223(scanned, keys.diversify(uid)).valid();
                }, summary);
    }

    /** Personalizes (and resumes a torn chip once), records the outcome and scans a configured chip. */
    private static boolean one(ChipDefect defect, Supplier<PersonalizationResult> attempt, Runnable putBack,
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
        return result.configured();
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
