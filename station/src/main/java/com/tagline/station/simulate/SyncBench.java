package com.tagline.station.simulate;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.platform.tagbase.TagbaseState;
import com.tagline.station.personalize.Reason;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.tagbase.Lease;
import com.tagline.station.platform.tagbase.LeasedTag;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.ImportedOutcome;
import com.tagline.station.store.LeasedJob;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.store.StoreThread;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import com.tagline.station.sync.OutboxSync;
import com.tagline.station.sync.SyncPolicy;
import com.tagline.station.sync.SyncStats;
import com.tagline.station.sync.TagbaseSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The sync drain benchmark: a backlog of outcomes in a fresh SQLite store drained by the real
 * {@link OutboxSync} and {@link TagbaseClient} into the tagbase emulator over loopback HTTP.
 *
 * <p>Set-up (not timed as the drain): the emulator starts in this JVM on 127.0.0.1, gets
 * {@code backlog} pending tags, and the station leases all of them (500 per call, recorded with
 * {@code jobs().record} as leasing does). Each leased tag then gets one finished chip in the store:
 * configured with a unique UID, or (a share) failed. The store runs on a {@link StoreThread}, as in
 * the running station. Then the drain is timed from the first pass to an empty outbox, and the
 * end state is checked on both sides.
 *
 * <p>By default the emulator shares this JVM, so heap and RSS figures include the platform double's
 * ledger of {@code backlog} tags: they are an upper bound of the station's own. Against an emulator in
 * another process ({@link BenchPlatform#external}) they are the station's alone.
 */
public final class SyncBench {
    private static final String STATION = "bench-1";
    private static final ChipProtocol PROTOCOL = ChipProtocol.NTAG_424_DNA;
    private static final int IMPORT_CHUNK = 5_000;
    private static final Reason[] FAILURES = {Reason.TAG_LOST, Reason.COUNTERFEIT, Reason.NOT_BLANK,
        Reason.VERIFY_MISMATCH};

    /** How the backlog is written into the store. */
    public enum Build {
        /** {@code Store.importOutcomes}: the same rows and checks, {@value #IMPORT_CHUNK} chips per transaction. */
        BULK,
        /** {@code beginAttempt}, {@code completeAttempt}, {@code jobs().finish}: three fsync'd transactions per chip. */
        API
    }

    /**
     * @param backlog       outcomes to drain
     * @param batch         reports per request (the sync policy's batch size, 1..500)
     * @param failedPercent share of failed outcomes, 0..100
     * @param build         how the backlog is written
     * @param timeout       the drain gives up after this long
     */
    public record Options(int backlog, int batch, int failedPercent, Build build, Duration timeout) {
        public Options {
            if (backlog < 1) {
                throw new IllegalArgumentException("--backlog must be at least 1, got " + backlog);
            }
            if (batch < 1 || batch > 500) {
                throw new IllegalArgumentException("--batch must be 1..500 (platform-api §1.2), got " + batch);
            }
            if (failedPercent < 0 || failedPercent > 100) {
                throw new IllegalArgumentException("--failed-percent must be 0..100, got " + failedPercent);
            }
        }
    }

    /** Heap and process memory at the points the benchmark samples; byte counts, empty when unknown. */
    public record Memory(long heapMax, long liveAtStart, long liveBeforeDrain, long peakDuringSetup,
                         long peakDuringDrain, long liveAtEnd, long committedAtEnd, long nonHeapAtEnd,
                         long gcCountDrain, long gcMillisDrain, OptionalLong rssPeak, OptionalLong rssAtEnd,
                         List<String> jvmArguments, boolean includesEmulator) {}

    /** Everything measured and checked; {@link #ok()} when the end state is right on both sides. */
    public record Result(Options options, int configured, int failed, long leaseCalls, Duration leaseTime,
                         Duration buildTime, String buildMethod, long buildTransactions,
                         Duration drainTime, long batches, long accepted, long duplicates, long conflicts,
                         long rejected, long ambiguousBatches, long refusedBatches, double batchMillisMean,
                         double batchMillisP50, double batchMillisP99, double batchMillisMax,
                         OptionalLong drainCpuNanos, long dbBytesAfterBuild, long walBytesAfterBuild,
                         long dbBytesAfterDrain, long walBytesAfterDrain, Memory memory,
                         long platformAccepted, Map<String, Long> platformReports, long platformConfigured,
                         long storeUnconfirmed, int alarmsRaised, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public double outcomesPerSecond() {
            return (accepted + duplicates) / (drainTime.toNanos() / 1e9);
        }
    }

    private final Options options;
    private final Consumer<String> progress;

    private SyncBench(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * Runs the whole benchmark.
     *
     * @param progress one line at a time about the long phases (the CLI sends it to stderr)
     */
    public static Result run(Options options, Consumer<String> progress) {
        try (BenchPlatform platform = BenchPlatform.inThisJvm()) {
            return new SyncBench(options, progress).run(platform);
        }
    }

    /**
     * Runs the whole benchmark against {@code platform}; with {@link BenchPlatform#external} this process's
     * memory figures are the station's alone.
     */
    public static Result run(Options options, BenchPlatform platform, Consumer<String> progress) {
        return new SyncBench(options, progress).run(platform);
    }

    private Result run(BenchPlatform emulator) {
        long liveAtStart = ProcessMemory.liveHeapAfterGc();
        Path dir = tempDir();
        try (TagbaseClient client = TagbaseClient.open(HttpEndpoint.of(emulator.baseUrl(), emulator.apiKey()));
             StoreThread store = StoreThread.open(StoreConfig.of(dir.resolve("station.db"), STATION))) {
            int n = options.backlog();
            progress.accept(emulator.seeding(n));
            emulator.seed(n);

            Leased leased = leaseAll(client, store, n);
            List<LeasedTag> tags = leased.tags();
            long leaseCalls = leased.calls();
            Duration leaseTime = leased.time();

            List<ImportedOutcome> outcomes = outcomes(tags);
            int failed = (int) outcomes.stream().filter(o -> o.outcome() == Outcome.FAILED).count();
            long t0 = System.nanoTime();
            long transactions = build(store, outcomes);
            Duration buildTime = Duration.ofNanos(System.nanoTime() - t0);
            int pending = store.call(s -> s.outbox().counts()).getOrDefault("pending", 0);
            if (pending != n) {
                throw new IllegalStateException("the backlog has " + pending + " pending reports, not " + n);
            }
            long dbAfterBuild = size(dir.resolve("station.db"));
            long walAfterBuild = size(dir.resolve("station.db-wal"));
            outcomes = null; // the set-up lists are not part of the drain's heap
            tags = null;
            leased = null; // an interpreted frame keeps every local alive: this one held the 100,000 leased tags

            long liveBeforeDrain = ProcessMemory.liveHeapAfterGc();
            long peakSetup = ProcessMemory.peakHeap();
            ProcessMemory.resetPeaks();
            long gc0 = ProcessMemory.gcCount();
            long gcMs0 = ProcessMemory.gcMillis();
            OptionalLong cpu0 = ProcessMemory.processCpuNanos();

            Alarms alarms = new Alarms();
            Drain drainRun = drain(store, client, alarms, n);
            OutboxSync sync = drainRun.sync();
            List<Long> batchNanos = drainRun.batchNanos();
            boolean drained = drainRun.drained();
            Duration drainTime = drainRun.time();
            OptionalLong cpu1 = ProcessMemory.processCpuNanos();
            long peakDrain = ProcessMemory.peakHeap();
            long gcCount = ProcessMemory.gcCount() - gc0;
            long gcMillis = ProcessMemory.gcMillis() - gcMs0;
            long dbAfterDrain = size(dir.resolve("station.db"));
            long walAfterDrain = size(dir.resolve("station.db-wal"));

            SyncStats stats = sync.stats();
            TagbaseState state = emulator.state();
            long unconfirmed = store.call(s -> s.outbox().unconfirmed());
            List<String> problems = endStateProblems(n, failed, drained, options.timeout(), state, unconfirmed);
            int alarmsRaised = Arrays.stream(Alarm.values()).mapToInt(alarms::timesRaised).sum();
            OptionalLong rssPeak = ProcessMemory.peakRss();
            OptionalLong rssEnd = ProcessMemory.rss();
            long liveAtEnd = ProcessMemory.liveHeapAfterGc();
            Memory memory = new Memory(ProcessMemory.maxHeap(), liveAtStart, liveBeforeDrain, peakSetup, peakDrain,
                    liveAtEnd, ProcessMemory.committedHeap(), ProcessMemory.nonHeapUsed(), gcCount, gcMillis, rssPeak,
                    rssEnd, ProcessMemory.jvmArguments(), emulator.inProcess());
            long[] sorted = batchNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            OptionalLong cpu = cpu0.isPresent() && cpu1.isPresent()
                    ? OptionalLong.of(cpu1.getAsLong() - cpu0.getAsLong()) : OptionalLong.empty();
            return new Result(options, n - failed, failed, leaseCalls, leaseTime, buildTime, describe(options.build()),
                    transactions, drainTime, stats.batches(), stats.accepted(), stats.duplicates(), stats.conflicts(),
                    stats.rejected(), stats.ambiguousBatches(), stats.refusedBatches(), mean(sorted),
                    percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0), cpu,
                    dbAfterBuild, walAfterBuild, dbAfterDrain, walAfterDrain, memory, state.reports("accepted"),
                    state.reports(), state.tags("configured"), unconfirmed, alarmsRaised, problems);
        } finally {
            deleteTree(dir);
        }
    }

    /** The leased tags, how many calls it took and how long. */
    private record Leased(List<LeasedTag> tags, long calls, Duration time) {
    }

    /** Leases {@code n} tags, 500 per call, and records them as jobs. */
    private Leased leaseAll(TagbaseClient client, StoreThread store, int n) {
        long t0 = System.nanoTime();
        List<LeasedTag> tags = new ArrayList<>(n);
        long calls = 0;
        Meter meter = new Meter("leased", n);
        while (tags.size() < n) {
            Lease lease = client.lease(STATION, List.of(PROTOCOL), Math.min(500, n - tags.size()));
            calls++;
            if (lease.tags().isEmpty()) {
                throw new IllegalStateException("the emulator leased no more tags after " + tags.size());
            }
            List<LeasedJob> jobs = lease.tags().stream()
                    .map(t -> new LeasedJob(t.id(), t.protocol(), t.url(), lease.id(), lease.expiresAt())).toList();
            store.run(s -> s.jobs().record(jobs));
            tags.addAll(lease.tags());
            meter.at(tags.size());
        }
        return new Leased(tags, calls, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The drain: the sync that ran it, whether it finished in time, how long, and each batch's time. */
    private record Drain(OutboxSync sync, boolean drained, Duration time, List<Long> batchNanos) {
    }

    /** Runs the real {@link OutboxSync} until nothing is pending or the timeout ran out. */
    private Drain drain(StoreThread store, TagbaseClient client, Alarms alarms, int n) {
        SyncPolicy policy = new SyncPolicy(options.batch(), Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(60));
        OutboxSync sync = new OutboxSync(store, new TagbaseSink(client), policy, policy.backoff(new Random(1)), Clock.systemUTC(),
                alarms);
        List<Long> batchNanos = new ArrayList<>();
        progress.accept("draining " + n + " reports, " + options.batch() + " per request");
        Meter meter = new Meter("drained", n);
        long t0 = System.nanoTime();
        long deadline = t0 + options.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            long before = sync.stats().batches();
            long s0 = System.nanoTime();
            Instant next = sync.runOnce();
            long took = System.nanoTime() - s0;
            if (sync.stats().batches() > before) {
                batchNanos.add(took);
                meter.at(confirmed(sync.stats()));
            }
            Instant now = Instant.now();
            if (next.isAfter(now)) {
                // Nothing more due now: either drained, or backing off after a failure.
                if (sync.drained()) {
                    return new Drain(sync, true, Duration.ofNanos(System.nanoTime() - t0), batchNanos);
                }
                sleep(Duration.between(now, next));
            }
        }
        return new Drain(sync, false, Duration.ofNanos(System.nanoTime() - t0), batchNanos);
    }

    /**
     * What is wrong with the end state, empty when right: the drain finished, the platform accepted
     * exactly {@code backlog} reports and holds exactly the configured tags, the store has nothing
     * unconfirmed (pending, sent or quarantined).
     */
    static List<String> endStateProblems(int backlog, int failed, boolean drained, Duration timeout,
                                         TagbaseState platform, long storeUnconfirmed) {
        List<String> problems = new ArrayList<>();
        if (!drained) {
            problems.add("the outbox did not drain within " + timeout.toSeconds() + " s");
        }
        if (platform.reports("accepted") != backlog) {
            problems.add("the emulator accepted " + platform.reports("accepted") + " reports, not " + backlog);
        }
        if (platform.tags("configured") != backlog - failed) {
            problems.add("the emulator has " + platform.tags("configured") + " configured tags, not "
                    + (backlog - failed));
        }
        if (storeUnconfirmed != 0) {
            problems.add("the store has " + storeUnconfirmed + " unconfirmed outbox rows, not 0");
        }
        return problems;
    }

    /** Mostly configured chips with unique UIDs; every chip whose index falls in the failed share failed. */
    private List<ImportedOutcome> outcomes(List<LeasedTag> tags) {
        List<ImportedOutcome> out = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            LeasedTag t = tags.get(i);
            String uid = uid(i);
            if (i % 100 < options.failedPercent()) {
                Reason r = FAILURES[(i / 100) % FAILURES.length];
                out.add(new ImportedOutcome(t.id(), uid, t.protocol(), Outcome.FAILED, r, "benchmark backlog", null));
            } else {
                out.add(new ImportedOutcome(t.id(), uid, t.protocol(), Outcome.CONFIGURED, Reason.CONFIGURED, "", 1));
            }
        }
        return out;
    }

    /**
     * A 7-byte NXP-style UID (04 …), unique per index: the index times an odd constant is a bijection
     * modulo 2^48, so the UIDs differ and do not run in sequence.
     */
    static String uid(int index) {
        long v = ((index + 1L) * 0x9E3779B97F4BL) & 0xFFFF_FFFF_FFFFL;
        return String.format("04%012X", v);
    }

    /** Writes the backlog; returns the number of write transactions it took. */
    private long build(StoreThread store, List<ImportedOutcome> outcomes) {
        Meter meter = new Meter("backlog written", outcomes.size());
        progress.accept("writing " + outcomes.size() + " outcomes into the store (" + describe(options.build()) + ")");
        long transactions = 0;
        if (options.build() == Build.BULK) {
            for (int from = 0; from < outcomes.size(); from += IMPORT_CHUNK) {
                List<ImportedOutcome> chunk = outcomes.subList(from, Math.min(outcomes.size(), from + IMPORT_CHUNK));
                store.run(s -> s.importOutcomes(chunk));
                transactions++;
                meter.at(from + chunk.size());
            }
            return transactions;
        }
        int done = 0;
        for (ImportedOutcome o : outcomes) {
            store.run(s -> {
                long attempt = s.beginAttempt(o.tagId(), o.chipUid(), o.protocol());
                s.completeAttempt(attempt, o.outcome(), o.reason(), o.detail(), o.keySetVersion());
                s.jobs().finish(o.tagId());
            });
            transactions += 3;
            meter.at(++done);
        }
        return transactions;
    }

    static String describe(Build b) {
        return b == Build.BULK
                ? "bulk: Store.importOutcomes, " + IMPORT_CHUNK + " chips per transaction"
                : "api: beginAttempt + completeAttempt + jobs().finish, 3 transactions per chip";
    }

    private static long confirmed(SyncStats s) {
        return s.accepted() + s.duplicates() + s.reconciled();
    }

    /** Progress lines at each tenth of a phase, and at most every two seconds in between. */
    private final class Meter {
        private final String what;
        private final long total;
        private long nextTenth;
        private long lastNanos = System.nanoTime();

        Meter(String what, long total) {
            this.what = what;
            this.total = total;
            this.nextTenth = Math.max(1, total / 10);
        }

        void at(long done) {
            long now = System.nanoTime();
            if (done >= nextTenth || now - lastNanos > 2_000_000_000L || done == total) {
                progress.accept(what + " " + done + "/" + total);
                lastNanos = now;
                while (nextTenth <= done) {
                    nextTenth += Math.max(1, total / 10);
                }
            }
        }
    }

    private static double mean(long[] nanos) {
        return nanos.length == 0 ? 0 : Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    private static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, Math.min(d.toMillis(), 1_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next sync pass", e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tagline-sync-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is not a benchmark failure
        }
    }
}
