package com.tagline.station.simulate;

import com.tagline.hardware.line.LineSignals;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.line.ConveyorLayout;
import com.tagline.simulator.line.GateRecord;
import com.tagline.simulator.line.SimulatedClock;
import com.tagline.simulator.pn532.DatasheetTiming;
import com.tagline.station.config.StationConfig;
import com.tagline.station.line.LineTiming;
import com.tagline.station.personalize.Reason;
import com.tagline.station.run.Surroundings;
import com.tagline.station.store.Holds;
import com.tagline.station.store.ConfiguredChip;
import com.tagline.station.workflow.EncodeOutcome;
import com.tagline.station.workflow.LeasePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * {@code station simulate}: whole stations in one process against simulated parts. Each station is
 * assembled by the composition root ({@link com.tagline.station.run.Station}) from the configuration a
 * line would have, with only the physical parts and the platform swapped for doubles: its own SQLite file,
 * its own PN532 emulator (the real PN532 driver speaks HSU frames to it) and its own simulated conveyor
 * under the real line controller on pi4j mock pins. All stations draw from one platform emulator over
 * loopback HTTP (tagbase leases, or an ixkio manifest), through a scheduled outage if asked. Simulated chips
 * (a share defective) are dealt to the stations in turn. Afterwards every configured chip is scanned like a
 * phone and its URL verified (tagbase: by the platform's verification endpoint; ixkio, which has none:
 * locally with the derived keys), and no tag may be configured by two stations nor a chip carry two tags.
 *
 * <p>Everything runs on the caller's thread in virtual time, the stations' lines stepped in lockstep (so a
 * run is reproducible from its seed); HTTP calls and the PN532 frames are real. An operator console
 * ({@link #observedBy}, issue 14) watches the first station from that thread.
 */
public final class StationSimulation {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StationSimulation.class);
    /** Virtual encoding time per chip on the line model (the benchmark measures the real host time). */
    private static final Duration ENCODE_TIME = Duration.ofMillis(300);
    /** Virtual-time budget per item before the run is declared stuck. */
    private static final Duration LINE_TIME_PER_ITEM = Duration.ofSeconds(10);
    private static final Duration DRAIN_STEP = Duration.ofMillis(100);
    private static final Duration NO_JOB_RETRY = Duration.ofSeconds(1);
    private static final Duration DRAIN_BUDGET = Duration.ofMinutes(30);
    /** Lease water marks per station when several share one pool: each keeps a few tags, none hoards them. */
    private static final int SHARED_LOW_WATER = 10;
    private static final int SHARED_HIGH_WATER = 20;

    private final SimulationOptions options;
    private final SimulationKeys keys;
    private final Supplier<SimulatedPlatform> platforms;
    private final Map<String, SimulatedChip> chipsByUid = new HashMap<>();
    private final BatchSummary summary = new BatchSummary();
    private final List<Lane> lanes = new ArrayList<>();
    private SimulatedPlatform platform;
    private SimulatedClock benchClock;
    private Instant start;
    private boolean outageBegan;
    private int done;
    private SimulationObserver observer = SimulationObserver.NONE;

    /** One station with its conveyor (none on a bench) and the chips dealt to it. */
    private static final class Lane {
        final List<SimulatedChip> chips = new ArrayList<>();
        final Set<Long> failedItems = new HashSet<>();
        /** Each item's verdict, kept for an item back at the antenna after an e-stop. */
        final Map<Long, Boolean> verdicts = new HashMap<>();
        SimulatedLineRun line;
        SimulatedStation station;
        int encoded;
        /** With --timing: the modeled cycle of this station's chips. */
        final CycleClock cycle = new CycleClock();

        boolean lineDone() {
            return line.line().gateRecords().size() >= chips.size();
        }
    }

    public StationSimulation(SimulationOptions options, SimulationKeys keys, Supplier<SimulatedPlatform> platforms) {
        this.options = options;
        this.keys = keys;
        this.platforms = platforms;
    }

    /** The operator console watches this run's first station (issue 14); call before {@link #run}. */
    public StationSimulation observedBy(SimulationConsole console) {
        this.observer = java.util.Objects.requireNonNull(console, "console");
        return this;
    }

    /** The tagbase emulator on a free loopback port, holding the platform's copy of the master keys. */
    public static Supplier<SimulatedPlatform> tagbase(SimulationKeys keys, long seed) {
        return () -> new TagbaseSimulatedPlatform(keys.keys(), seed);
    }

    /** The ixkio emulator on a free loopback port; phone scans are verified locally with the derived keys. */
    public static Supplier<SimulatedPlatform> ixkio(SimulationKeys keys, long seed) {
        return () -> new IxkioSimulatedPlatform(keys.keys(), seed);
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
        Path dir = SimulationDataDir.open(options.dataDir(), options.stations());
        try (SimulatedPlatform p = platforms.get()) {
            platform = p;
            if (p.kind() == StationConfig.PlatformKind.IXKIO && options.stations() > 1) {
                throw new IllegalArgumentException("--stations above 1 needs --platform tagbase: ixkio has no leases,"
                        + " so each station would need a manifest of its own");
            }
            seedPlatform();
            Optional<Path> manifest = p.manifest(dir);
            dealChips();
            openStations(dir, manifest);
            if (options.handFed()) {
                runHandFed(progress);
            } else {
                runOnLines(progress);
            }
            finish();
            observer.ended();
        } finally {
            lanes.forEach(SimulationCleanup::close);
            if (options.dataDir().isEmpty()) {
                SimulationDataDir.delete(dir);
            }
        }
        summary.elapsed(System.nanoTime() - t0);
        return summary;
    }

    /**
     * One tag per chip, plus headroom as a line keeps leased tags on hand: a failed chip holds its tag until
     * the gate rejects it (architecture §5), and several stations must not wait for tags another holds.
     */
    private void seedPlatform() {
        for (ChipProtocol protocol : options.protocol().protocols(options.count())) {
            int headroom = 5 + options.count() / 20 + (options.stations() > 1 ? options.stations() * SHARED_HIGH_WATER : 0);
            platform.seed(protocol, options.protocol().countOf(protocol, options.count()) + headroom, options.urlBase());
        }
    }

    /** Chip i goes to station i mod N: its items are numbered from 1 in the order they are fed. */
    private void dealChips() {
        SimulatedChips chips = new SimulatedChips(options.seed(), options.defectRate());
        for (int i = 0; i < options.stations(); i++) {
            lanes.add(new Lane());
        }
        for (int i = 0; i < options.count(); i++) {
            SimulatedChip chip = chips.chip(i, options.protocol());
            chipsByUid.put(chip.uidHex(), chip);
            lanes.get(i % options.stations()).chips.add(chip);
        }
    }

    private void openStations(Path dir, Optional<Path> manifest) {
        Instant t = Instant.now();
        benchClock = new SimulatedClock(t);
        List<ChipProtocol> protocols = options.protocol().protocols(options.count());
        LeasePolicy leases = options.stations() == 1 ? LeasePolicy.of(protocols)
                : new LeasePolicy(protocols, SHARED_LOW_WATER, SHARED_HIGH_WATER, Duration.ofHours(2), Duration.ofSeconds(5));
        Map<String, String> env = new HashMap<>(keys.env());
        env.put(SimulationConfig.TOKEN_VARIABLE, platform.apiKey());
        for (int k = 0; k < lanes.size(); k++) {
            Lane lane = lanes.get(k);
            String name = options.station() + "-" + (k + 1);
            Path stationDir = options.stations() == 1 ? dir : dir.resolve(name);
            SimulatedClock clock = benchClock;
            if (!options.handFed()) {
                double speedup = options.timing().map(CycleTiming::beltSpeedup).orElse(1.0);
                lane.line = new SimulatedLineRun(ConveyorLayout.standard().faster(speedup), LineSignals.standard(),
                        LineTiming.standard().forBeltSpeedup(speedup), ENCODE_TIME, t,
                        item -> encodeItem(lane, (int) item.id() - 1));
                // a failed item the gate pushed off will not ship: a tag its chip held goes on (architecture §5)
                lane.line.onRejected(id -> lane.station.station().encoder().release(
                        lane.chips.get((int) id - 1).uidHex(), Holds.REJECTED_BY_GATE));
                clock = lane.line.line().clock();
            }
            SimulatedLineRun line = lane.line;
            // virtual time never jumps: the one clock serves as wall time and as elapsed time
            Surroundings surroundings = new Surroundings(clock, clock, env, link -> {
                throw new IllegalStateException("the reader link is set per station");
            }, cfg -> line.line().lineIo(), new SplittableRandom(options.seed() + k));
            StationConfig config = SimulationConfig.of(name, stationDir, keys, platform, protocols, options.sunParameters(),
                    leases, options.handFed(), manifest, options.timing().map(CycleTiming::baud));
            SimulatedReader reader = new SimulatedReader();
            options.timing().ifPresent(x -> reader.modeled(DatasheetTiming.defaults()));
            lane.station = SimulatedStation.open(config, surroundings, reader);
        }
        start = t;
        observer.opened(lanes.get(0).station);
        if (lanes.get(0).line != null) {
            observer.line(lanes.get(0).line);
        }
        periodic();
    }

    /** A bench: the chips are placed at each station's antenna in turn, each encoded, then removed. */
    private void runHandFed(IntConsumer progress) {
        for (int i = 0; i < options.count(); i++) {
            Lane lane = lanes.get(i % lanes.size());
            SimulatedChip chip = lane.chips.get(i / lanes.size());
            Optional<Boolean> configured;
            while ((configured = encode(lane, chip)).isEmpty()) {
                // no tag on hand: the chip waits on the bench, as the station's bench loop keeps polling
                benchClock.advance(NO_JOB_RETRY);
                periodic();
                if (Duration.between(start, now()).compareTo(LINE_TIME_PER_ITEM.multipliedBy(options.count())) > 0) {
                    throw new IllegalStateException(lane.station.name() + " found no tag for chip " + i);
                }
            }
            if (!configured.get()) {
                // the bench operator puts a failed chip in the scrap bin: a tag it held goes on (architecture §5)
                lane.station.station().encoder().release(chip.uidHex(), Holds.SCRAPPED_BY_OPERATOR);
            }
            progress.accept(++done);
            benchClock.advance(ENCODE_TIME);
            periodic();
        }
    }

    /** The real line controllers index each item to the antenna; each gate must reject exactly the failed ones. */
    private void runOnLines(IntConsumer progress) {
        int before = done;
        for (Lane lane : lanes) {
            lane.line.line().load(Collections.nCopies(lane.chips.size(), false));
            lane.line.controller().start();
        }
        Instant end = lanes.get(0).line.line().clock().instant().plus(LINE_TIME_PER_ITEM.multipliedBy(options.count()));
        while (!lanes.stream().allMatch(Lane::lineDone) && !now().isAfter(end)) {
            for (Lane lane : lanes) {
                lane.line.step();
            }
            periodic();
            if (done != before) {
                for (int d = before + 1; d <= done; d++) {
                    progress.accept(d);
                }
                before = done;
            }
        }
        for (Lane lane : lanes) {
            List<GateRecord> gate = lane.line.line().gateRecords();
            gate.forEach(g -> summary.gate(g.rejected(), lane.failedItems.contains(g.itemId())));
            summary.itemsLost(lane.chips.size() - gate.size());
        }
    }

    /** The item's verdict; empty while no tag is on hand (the item waits at the antenna, as on a line). */
    private Optional<Boolean> encodeItem(Lane lane, int indexOnLane) {
        long itemId = indexOnLane + 1L;
        if (lane.verdicts.containsKey(itemId)) {
            // Back at the antenna after an e-stop: the chip was encoded when it first arrived, so it keeps its
            // verdict (a real station would find it configured, or resume it) and is counted once.
            return Optional.of(lane.verdicts.get(itemId));
        }
        Duration radio0 = lane.station.radioTime();
        long fsyncs0 = lane.station.durableCommits();
        Optional<Boolean> configured = encode(lane, lane.chips.get(indexOnLane));
        options.timing().ifPresent(t -> {
            Duration radio = lane.station.radioTime().minus(radio0);
            Duration store = t.perFsync().multipliedBy(lane.station.durableCommits() - fsyncs0);
            lane.line.encodeTime(radio.plus(store));
            lane.cycle.chip(lane.line.line().clock().instant(), radio, store, configured.isPresent());
        });
        if (configured.isEmpty()) {
            return configured;
        }
        lane.verdicts.put(itemId, configured.get());
        if (!configured.get()) {
            lane.failedItems.add(itemId);
        }
        done++;
        return configured;
    }

    /** Encodes the chip; empty when the station had no tag for it (NO_JOB: nothing was recorded). */
    private Optional<Boolean> encode(Lane lane, SimulatedChip chip) {
        EncodeOutcome outcome = lane.station.encode(chip);
        if (lane == lanes.get(0)) {
            observer.chip(outcome);
        }
        if (outcome.reason() == Reason.NO_JOB) {
            return Optional.empty();
        }
        summary.record(outcome.reason());
        if (outcome.resumed()) {
            summary.resumed();
        }
        if (outcome.reason() != chip.defect().expectedReason()) {
            summary.unexpected();
            log.warn("event=unexpected_outcome station={} uid={} defect={} outcome={} detail=\"{}\"", lane.station.name(),
                    chip.uidHex(), chip.defect(), outcome.reason().code(), outcome.detail());
        }
        lane.encoded += outcome.configured() ? 1 : 0;
        return Optional.of(outcome.configured());
    }

    private Instant now() {
        return options.handFed() ? benchClock.instant() : lanes.get(0).line.line().clock().instant();
    }

    /** Advances every station's clock by {@code step} (the lines' clocks stay in lockstep). */
    private void advance(Duration step) {
        if (options.handFed()) {
            benchClock.advance(step);
        } else {
            lanes.forEach(l -> l.line.line().clock().advance(step));
        }
    }

    /** The outage schedule, then each station's periodic platform work. */
    private void periodic() {
        boolean offline = options.offlineAt(Duration.between(start, now()));
        outageBegan |= offline;
        platform.outage(offline);
        lanes.forEach(l -> l.station.tick());
        observer.afterStep();
    }

    /** Drains every outbox (through the rest of any outage), gives back unused leases, scans every configured chip. */
    private void finish() {
        Instant end = now().plus(DRAIN_BUDGET);
        boolean drained = lanes.stream().allMatch(l -> l.station.drained());
        while (!drained && !now().isAfter(end)) {
            advance(DRAIN_STEP);
            periodic();
            drained = lanes.stream().allMatch(l -> l.station.drained());
        }
        Duration ran = Duration.between(start, now());
        options.outageAt().ifPresent(at -> summary.outage(new ScheduledOutage(at, options.outageFor(), outageBegan,
                ran)));
        platform.outage(false);
        lanes.forEach(l -> l.station.shutdownPlatform());
        List<StationResult> results = new ArrayList<>();
        for (Lane lane : lanes) {
            List<ConfiguredChip> configured = lane.station.station().store().call(s -> s.configuredChips());
            configured.forEach(c -> summary.verified(verifies(c)));
            results.add(StationResult.of(lane.station.station(), lane.chips.size(), lane.encoded, configured));
        }
        summary.verifiedByPlatform(platform.verifiedByPlatform());
        if (lanes.size() == 1) {
            platform.associations(lanes.get(0).station.station().store()).ifPresent(summary::associations);
        }
        summary.stations(results, drained, platform.totals());
        options.timing().ifPresent(t -> summary.cycle(lanes.get(0).cycle.summary(t)));
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
            boolean ok = platform.verify(c, url);
            if (!ok) {
                log.warn("event=scan_invalid tag={} uid={} url={} defect={}", c.tagId(), c.chipUid(), url, chip.defect());
            }
            return ok;
        } catch (RuntimeException e) {
            log.warn("event=scan_failed tag={} uid={} error=\"{}\"", c.tagId(), c.chipUid(), e.getMessage());
            return false;
        }
    }

    /** Closing order: the station (store, reader link, pins), its PN532 emulator, then its simulated line. */
    private static final class SimulationCleanup {
        static void close(Lane lane) {
            try {
                if (lane.station != null) {
                    lane.station.close();
                }
            } finally {
                if (lane.line != null) {
                    lane.line.close();
                }
            }
        }
    }
}
