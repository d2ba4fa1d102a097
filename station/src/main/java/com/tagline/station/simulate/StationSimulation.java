package com.tagline.station.simulate;

import com.tagline.hardware.line.LineSignals;
import com.tagline.simulator.line.ConveyorItem;
import com.tagline.simulator.line.ConveyorLayout;
import com.tagline.simulator.line.GateRecord;
import com.tagline.simulator.line.SimulatedClock;
import com.tagline.station.line.LineTiming;
import com.tagline.station.line.SimulatedLineRun;
import com.tagline.station.store.ConfiguredChip;
import com.tagline.station.workflow.ChipRecipe;
import com.tagline.station.workflow.EncodeOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * {@code station simulate}: the whole station in one process against simulated parts. Simulated
 * chips (a share defective) ride the simulated conveyor under the real line controller; the real
 * encoder personalizes each at the antenna with the recipe of its protocol, recording every step in
 * a real SQLite file; the platform side ({@link PlatformWork}: tagbase leasing and outbox sync, or an
 * imported ixkio manifest and the ixkio sink) talks to the platform emulator over loopback HTTP,
 * through a scheduled outage if asked. Afterwards every configured chip is scanned like a phone and
 * its URL verified (tagbase: by the platform's verification endpoint; ixkio, which has none: locally
 * with the derived keys), and a platform taking an association export checks it.
 *
 * <p>Everything runs in virtual time on the caller's thread; HTTP calls are real.
 */
public final class StationSimulation {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StationSimulation.class);
    /** Virtual encoding time per chip on the line model (the benchmark measures the real host time). */
    private static final Duration ENCODE_TIME = Duration.ofMillis(300);
    /** Virtual-time budget per item before the run is declared stuck. */
    private static final Duration LINE_TIME_PER_ITEM = Duration.ofSeconds(10);
    private static final Duration DRAIN_STEP = Duration.ofMillis(100);
    private static final Duration DRAIN_BUDGET = Duration.ofMinutes(30);

    private final SimulationOptions options;
    private final Map<String, ChipRecipe> recipes;
    private final int keySetVersion;
    private final Supplier<SimulatedPlatform> platforms;
    private final Map<String, SimulatedChip> chipsByUid = new HashMap<>();
    private final BatchSummary summary = new BatchSummary();
    private final SimulatedAntenna antenna = new SimulatedAntenna();
    private SimulatedChips chips;
    private SimulatedPlatform platform;
    private SimulatedStation station;
    private SimulatedClock clock;
    private Instant start;
    private SimulationObserver observer = SimulationObserver.NONE;

    public StationSimulation(SimulationOptions options, Map<String, ChipRecipe> recipes, int keySetVersion,
                             Supplier<SimulatedPlatform> platforms) {
        this.options = options;
        this.recipes = Map.copyOf(recipes);
        this.keySetVersion = keySetVersion;
        this.platforms = platforms;
    }

    /** The operator console watches this run (issue 14); call before {@link #run}. */
    public StationSimulation observedBy(SimulationConsole console) {
        this.observer = java.util.Objects.requireNonNull(console, "console");
        return this;
    }

    /** The tagbase emulator on a free loopback port, holding the platform's copy of {@code keys}. */
    public static SimulatedPlatform tagbase(com.tagline.hardware.keys.MasterKeySet keys, long seed) {
        return new TagbaseSimulatedPlatform(keys, seed);
    }

    /**
     * The ixkio emulator on a free loopback port; phone scans are verified locally with {@code keys}
     * (ixkio has no verification endpoint), NTAG 424 DNA SUN messages with key numbers
     * {@code metaReadKey}/{@code fileReadKey}; the manifest is checked against {@code fit}.
     */
    public static SimulatedPlatform ixkio(com.tagline.hardware.keys.MasterKeySet keys, int metaReadKey, int fileReadKey,
                                          com.tagline.station.ixkio.ChipUrlFit fit, long seed) {
        return new IxkioSimulatedPlatform(keys, metaReadKey, fileReadKey, fit, seed);
    }

    /** A command-line number of seconds as a duration; refuses NaN and infinities. */
    public static Duration seconds(double s) {
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("a number of seconds must be finite, got " + s);
        }
        return Duration.ofMillis(Math.round(s * 1000));
    }

    public BatchSummary run(IntConsumer progress) {
        long t0 = System.nanoTime();
        chips = new SimulatedChips(options.seed(), options.defectRate());
        Path dir = dataDir();
        try (SimulatedPlatform p = platforms.get()) {
            platform = p;
            for (String protocol : options.protocol().protocols(options.count())) {
                p.seed(protocol, options.protocol().countOf(protocol, options.count()), options.urlBase());
            }
            if (options.handFed()) {
                runHandFed(dir, progress);
            } else {
                runOnLine(dir, progress);
            }
            finish();
            observer.ended();
        } finally {
            if (station != null) {
                station.close();
            }
            if (options.dataDir().isEmpty()) {
                deleteTree(dir);
            }
        }
        summary.elapsed(System.nanoTime() - t0);
        return summary;
    }

    private void runHandFed(Path dir, IntConsumer progress) {
        SimulatedClock clock = new SimulatedClock(Instant.now());
        openStation(clock, dir);
        for (int i = 0; i < options.count(); i++) {
            encodeChip(i);
            progress.accept(i + 1);
            clock.advance(ENCODE_TIME);
            periodic();
        }
    }

    /** The real line controller indexes each item to the antenna; the gate must reject exactly the failed ones. */
    private void runOnLine(Path dir, IntConsumer progress) {
        Set<Long> failedItems = new HashSet<>();
        int[] encoded = {0};
        java.util.function.Predicate<ConveyorItem> encoder = item -> {
            boolean configured = encodeChip((int) item.id() - 1); // items are numbered from 1 in feed order
            if (!configured) {
                failedItems.add(item.id());
            }
            progress.accept(++encoded[0]);
            return configured;
        };
        try (SimulatedLineRun line = new SimulatedLineRun(ConveyorLayout.standard(), LineSignals.standard(),
                LineTiming.standard(), ENCODE_TIME, encoder, Instant.now())) {
            openStation(line.line().clock(), dir);
            observer.line(line);
            line.afterEachStep(this::periodic);
            List<GateRecord> gate = line.runItems(Collections.nCopies(options.count(), false),
                    LINE_TIME_PER_ITEM.multipliedBy(options.count()));
            gate.forEach(g -> summary.gate(g.rejected(), failedItems.contains(g.itemId())));
            summary.itemsLost(options.count() - gate.size());
        }
    }

    private void openStation(SimulatedClock lineClock, Path dir) {
        clock = lineClock;
        start = clock.instant();
        station = new SimulatedStation(clock, dir.resolve("station.db"), options.station(), platform,
                options.protocol().protocols(options.count()), recipes, keySetVersion, options.seed());
        observer.opened(station, dir.resolve("station.db"), options.protocol().protocols(options.count()));
        periodic();
    }

    /** The outage schedule, then the station's periodic work. */
    private void periodic() {
        platform.outage(options.offlineAt(Duration.between(start, currentTime())));
        station.tick();
        observer.afterStep();
    }

    private Instant currentTime() {
        return clock.instant();
    }

    private boolean encodeChip(int index) {
        SimulatedChip chip = chips.chip(index, options.protocol());
        chipsByUid.put(chip.uidHex(), chip);
        antenna.present(chip);
        EncodeOutcome outcome = station.encoder().encode(antenna);
        antenna.present(null);
        observer.chip(outcome);
        summary.record(outcome.reason());
        if (outcome.resumed()) {
            summary.resumed();
        }
        if (outcome.reason() != chip.defect().expectedReason()) {
            summary.unexpected();
        }
        return outcome.configured();
    }

    /** Drains the outbox (through the rest of any outage), gives back unused leases, scans every configured chip. */
    private void finish() {
        boolean drained = station.drain(DRAIN_STEP, DRAIN_BUDGET, () -> platform.outage(
                options.offlineAt(Duration.between(start, currentTime()))));
        platform.outage(false);
        station.shutdownPlatform();
        for (ConfiguredChip c : station.store().call(s -> s.configuredChips())) {
            summary.verified(verifies(c));
        }
        summary.verifiedByPlatform(station.work().verifiedByPlatform());
        platform.associations(station.store()).ifPresent(summary::associations);
        var counts = station.store().call(s -> s.outbox().counts());
        var stats = station.work().stats();
        var totals = platform.totals();
        summary.platform(new BatchSummary.PlatformSide(drained, counts.getOrDefault("confirmed", 0),
                counts.getOrDefault("pending", 0) + counts.getOrDefault("sent", 0),
                counts.getOrDefault("quarantined", 0), stats.duplicates(), stats.conflicts(), totals.configuredTags(),
                totals.conflicts(), station.alarms().timesRaised(com.tagline.station.sync.Alarm.OFFLINE) > 0));
        summary.tagsFailed(station.store().call(s -> s.failedOutcomes()));
    }

    /** A phone scan of the chip, verified as the platform would (tagbase: by the platform itself). */
    private boolean verifies(ConfiguredChip c) {
        SimulatedChip chip = chipsByUid.get(c.chipUid());
        if (chip == null) {
            log.warn("event=scan_failed tag={} uid={} why=\"no simulated chip has this UID\"", c.tagId(), c.chipUid());
            return false;
        }
        try {
            String url = chip.phoneScan().get();
            boolean ok = station.work().verify(c, url);
            if (!ok) {
                log.warn("event=scan_invalid tag={} uid={} url={} defect={}", c.tagId(), c.chipUid(), url, chip.defect());
            }
            return ok;
        } catch (RuntimeException e) {
            log.warn("event=scan_failed tag={} uid={} error=\"{}\"", c.tagId(), c.chipUid(), e.getMessage());
            return false;
        }
    }

    private Path dataDir() {
        try {
            if (options.dataDir().isPresent()) {
                return Files.createDirectories(options.dataDir().get());
            }
            return Files.createTempDirectory("tagline-simulate-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
