package com.tagline.station.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.hardware.IoReason;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.PlatformException;
import com.tagline.station.platform.PlatformStatusException;
import com.tagline.station.platform.PlatformUnreachableException;
import com.tagline.station.simulate.BenchPlatform;
import com.tagline.station.simulate.SyncBench;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station benchmark sync}: the outbox drain rate into the tagbase emulator over loopback HTTP
 * from a backlog, and this process's memory (see {@link SyncBench}). Exits 0 when the drain ended
 * with every report accepted by the platform and nothing unconfirmed in the store, 1 otherwise,
 * 2 on bad options.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Drain a backlog of outcomes with the real outbox sync into the tagbase emulator"
                + " (in this JVM, 127.0.0.1) and report the drain rate and the process's memory.",
            "Exit 0 when the platform accepted exactly the backlog and the store has nothing unconfirmed, else 1."})
final class SyncBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--backlog", defaultValue = "100000", description = "Outcomes in the outbox (default ${DEFAULT-VALUE}).")
    int backlog;

    @Option(names = "--batch", defaultValue = "500", description = "Reports per request, 1..500 (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--failed-percent", defaultValue = "5",
            description = "Share of failed outcomes, the rest configured with unique UIDs (default ${DEFAULT-VALUE}).")
    int failedPercent;

    @Option(names = "--build", defaultValue = "bulk",
            description = "How the backlog is written: bulk (Store.importOutcomes, 5000 chips per transaction) or api"
                    + " (beginAttempt/completeAttempt/finish, 3 fsync'd transactions per chip; slow) (default ${DEFAULT-VALUE}).")
    String build;

    @Option(names = "--timeout", defaultValue = "900", description = "Give up the drain after this many seconds (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--json", description = "Print the result as one JSON object on stdout.")
    boolean json;

    @Option(names = "--platform", paramLabel = "URL",
            description = "Drain into the tagbase emulator another process serves (simulator.jar platform --seed-tags"
                    + " BACKLOG --protocol ntag_424_dna), so that the memory figures are this station's alone.")
    java.net.URI platform;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "With --platform: the emulator's API key.")
    java.nio.file.Path apiKeyFile;

    @Override
    public Integer call() {
        SyncBench.Build how;
        switch (build) {
            case "bulk" -> how = SyncBench.Build.BULK;
            case "api" -> how = SyncBench.Build.API;
            default -> {
                System.err.println("benchmark sync: --build must be bulk or api, got " + build);
                return 2;
            }
        }
        SyncBench.Options options;
        try {
            if (timeoutSeconds < 1) {
                throw new IllegalArgumentException("--timeout must be at least 1 second, got " + timeoutSeconds);
            }
            options = new SyncBench.Options(backlog, batch, failedPercent, how, Duration.ofSeconds(timeoutSeconds));
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark sync: " + e.getMessage());
            return 2;
        }
        if ((platform == null) != (apiKeyFile == null)) {
            System.err.println("benchmark sync: --platform and --api-key-file go together");
            return 2;
        }
        java.util.function.Consumer<String> progress = line -> System.err.println("benchmark sync: " + line);
        SyncBench.Result r;
        if (platform == null) {
            r = SyncBench.run(options, progress);
        } else {
            try {
                r = external(options, progress);
            } catch (Refusal e) {
                System.err.println("benchmark sync: " + e.getMessage());
                return e.exitCode;
            }
        }
        System.out.print(json ? json(r) + System.lineSeparator() : text(r));
        r.problems().forEach(p -> System.err.println("benchmark sync: FAILED: " + p));
        return r.ok() ? 0 : 1;
    }

    /** Why the external emulator cannot be drained into, in one line, and the exit code it deserves. */
    private static final class Refusal extends Exception {
        final int exitCode;

        Refusal(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /**
     * The drain into {@code --platform}. The ordinary mistakes are one line each: a URL that is not http(s) or
     * not loopback plain http, an unreadable key file, a key the emulator refuses, too few pending tags (exit 2,
     * the options); the emulator not answering (exit 1).
     */
    private SyncBench.Result external(SyncBench.Options options, java.util.function.Consumer<String> progress)
            throws Refusal {
        String key;
        try {
            key = java.nio.file.Files.readString(apiKeyFile).strip();
            HttpEndpoint.of(platform.toString(), key); // the URL rules every platform client applies
        } catch (java.io.IOException e) {
            throw new Refusal(2, "--api-key-file " + apiKeyFile + ": " + IoReason.of(e));
        } catch (IllegalArgumentException e) {
            throw new Refusal(2, "--platform: " + e.getMessage());
        }
        String start = "; start it with: java -jar simulator.jar platform --port PORT --api-key-file " + apiKeyFile
                + " --seed-tags " + options.backlog() + " --protocol ntag_424_dna";
        try {
            return SyncBench.run(options, BenchPlatform.external(platform, key), progress);
        } catch (BenchPlatform.NotReady e) {
            throw new Refusal(2, e.getMessage());
        } catch (PlatformStatusException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw new Refusal(2, "the emulator at " + platform + " refused the API key in " + apiKeyFile
                        + " (HTTP " + e.status() + "): give the file it was started with");
            }
            throw new Refusal(1, "the emulator at " + platform + " failed: " + e.getMessage());
        } catch (PlatformUnreachableException e) {
            throw new Refusal(1, "the emulator at " + platform + " does not answer (" + e.getMessage() + ")" + start);
        } catch (PlatformException e) {
            throw new Refusal(1, "the emulator at " + platform + " answered unexpectedly: " + e.getMessage());
        }
    }

    private static String text(SyncBench.Result r) {
        SyncBench.Memory m = r.memory();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "sync drain: %d outcomes (%d configured, %d failed) from a fresh SQLite"
                + " outbox into the tagbase emulator over loopback HTTP%n", r.options().backlog(), r.configured(),
                r.failed()));
        b.append(String.format(Locale.ROOT, "drain rate:          %.0f outcomes/s%n", r.outcomesPerSecond()));
        b.append(String.format(Locale.ROOT, "drain wall time:     %.2f s, %d batches of up to %d%n",
                r.drainTime().toNanos() / 1e9, r.batches(), r.options().batch()));
        b.append(String.format(Locale.ROOT, "per batch pass:      mean %.1f ms, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                r.batchMillisMean(), r.batchMillisP50(), r.batchMillisP99(), r.batchMillisMax()));
        r.drainCpuNanos().ifPresent(c -> b.append(String.format(Locale.ROOT,
                "process CPU in drain: %.2f s (%s)%n", c / 1e9,
                m.includesEmulator() ? "station and emulator threads" : "the station's threads")));
        b.append(String.format(Locale.ROOT, "sync answers:        %d accepted, %d duplicate, %d conflict, %d rejected;"
                + " %d batches without answer, %d refused%n", r.accepted(), r.duplicates(), r.conflicts(), r.rejected(),
                r.ambiguousBatches(), r.refusedBatches()));
        b.append(String.format(Locale.ROOT, "lease:               %d tags in %d calls, %.2f s%n", r.options().backlog(),
                r.leaseCalls(), r.leaseTime().toNanos() / 1e9));
        b.append(String.format(Locale.ROOT, "backlog build:       %.2f s, %d transactions (%s)%n",
                r.buildTime().toNanos() / 1e9, r.buildTransactions(), r.buildMethod()));
        b.append(String.format(Locale.ROOT, "SQLite file:         %s + %s WAL after build; %s + %s WAL after drain%n",
                mib(r.dbBytesAfterBuild()), mib(r.walBytesAfterBuild()), mib(r.dbBytesAfterDrain()),
                mib(r.walBytesAfterDrain())));
        b.append(String.format(Locale.ROOT, "heap max:            %s (JVM arguments: %s)%n", mib(m.heapMax()),
                m.jvmArguments().isEmpty() ? "none" : String.join(" ", m.jvmArguments())));
        b.append(String.format(Locale.ROOT, "heap live after GC:  %s at start, %s before drain, %s at end%n",
                mib(m.liveAtStart()), mib(m.liveBeforeDrain()), mib(m.liveAtEnd())));
        b.append(String.format(Locale.ROOT, "heap peak used:      %s during set-up, %s during drain (sum of each heap pool's own peak: an upper"
                + " bound, may exceed the max heap)%n",
                mib(m.peakDuringSetup()), mib(m.peakDuringDrain())));
        b.append(String.format(Locale.ROOT, "heap committed:      %s at end; non-heap used %s%n", mib(m.committedAtEnd()),
                mib(m.nonHeapAtEnd())));
        b.append(String.format(Locale.ROOT, "GC in drain:         %d collections, %d ms%n", m.gcCountDrain(),
                m.gcMillisDrain()));
        b.append(String.format(Locale.ROOT, "process RSS:         peak %s (VmHWM), %s at end (VmRSS)%n",
                mib(m.rssPeak()), mib(m.rssAtEnd())));
        b.append(m.includesEmulator()
                ? "note:                the emulator runs in this JVM; its ledger of the backlog's tags is in these"
                        + " heap and RSS figures\n"
                : "note:                the emulator runs in another process: these figures are the station's alone\n");
        b.append(String.format(Locale.ROOT, "end state:           platform accepted %d, configured tags %d;"
                + " store unconfirmed %d; alarms raised %d -> %s%n", r.platformAccepted(), r.platformConfigured(),
                r.storeUnconfirmed(), r.alarmsRaised(), r.ok() ? "OK" : "FAILED"));
        return b.toString();
    }

    private static String json(SyncBench.Result r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("backlog", r.options().backlog());
        o.put("batch_size", r.options().batch());
        o.put("configured", r.configured());
        o.put("failed", r.failed());
        o.put("outcomes_per_second", Math.round(r.outcomesPerSecond() * 10) / 10.0);
        o.put("drain_seconds", r.drainTime().toNanos() / 1e9);
        o.put("batches", r.batches());
        o.put("batch_ms_mean", round(r.batchMillisMean()));
        o.put("batch_ms_p50", round(r.batchMillisP50()));
        o.put("batch_ms_p99", round(r.batchMillisP99()));
        o.put("batch_ms_max", round(r.batchMillisMax()));
        put(o, "drain_process_cpu_seconds", r.drainCpuNanos(), 1e9);
        o.put("accepted", r.accepted());
        o.put("duplicates", r.duplicates());
        o.put("conflicts", r.conflicts());
        o.put("rejected", r.rejected());
        o.put("ambiguous_batches", r.ambiguousBatches());
        o.put("refused_batches", r.refusedBatches());
        o.put("lease_calls", r.leaseCalls());
        o.put("lease_seconds", r.leaseTime().toNanos() / 1e9);
        o.put("build_seconds", r.buildTime().toNanos() / 1e9);
        o.put("build_method", r.buildMethod());
        o.put("build_transactions", r.buildTransactions());
        o.put("db_bytes_after_build", r.dbBytesAfterBuild());
        o.put("wal_bytes_after_build", r.walBytesAfterBuild());
        o.put("db_bytes_after_drain", r.dbBytesAfterDrain());
        o.put("wal_bytes_after_drain", r.walBytesAfterDrain());
        SyncBench.Memory m = r.memory();
        ObjectNode mem = o.putObject("memory");
        mem.put("heap_max_bytes", m.heapMax());
        mem.put("heap_live_start_bytes", m.liveAtStart());
        mem.put("heap_live_before_drain_bytes", m.liveBeforeDrain());
        mem.put("heap_live_end_bytes", m.liveAtEnd());
        mem.put("heap_peak_setup_bytes", m.peakDuringSetup());
        mem.put("heap_peak_drain_bytes", m.peakDuringDrain());
        mem.put("heap_committed_end_bytes", m.committedAtEnd());
        mem.put("non_heap_used_end_bytes", m.nonHeapAtEnd());
        mem.put("gc_count_drain", m.gcCountDrain());
        mem.put("gc_ms_drain", m.gcMillisDrain());
        put(mem, "rss_peak_bytes", m.rssPeak(), 1);
        put(mem, "rss_end_bytes", m.rssAtEnd(), 1);
        var args = mem.putArray("jvm_arguments");
        m.jvmArguments().forEach(args::add);
        mem.put("includes_emulator", m.includesEmulator());
        ObjectNode end = o.putObject("end_state");
        end.put("platform_accepted", r.platformAccepted());
        end.set("platform_reports", mapper.valueToTree(new java.util.TreeMap<>(r.platformReports())));
        end.put("platform_configured_tags", r.platformConfigured());
        end.put("store_unconfirmed", r.storeUnconfirmed());
        end.put("alarms_raised", r.alarmsRaised());
        end.put("ok", r.ok());
        var problems = end.putArray("problems");
        r.problems().forEach(problems::add);
        return o.toString();
    }

    private static void put(ObjectNode o, String field, OptionalLong v, double divisor) {
        if (v.isEmpty()) {
            o.putNull(field);
        } else if (divisor == 1) {
            o.put(field, v.getAsLong());
        } else {
            o.put(field, v.getAsLong() / divisor);
        }
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static String mib(OptionalLong bytes) {
        return bytes.isPresent() ? mib(bytes.getAsLong()) : "n/a";
    }
}
