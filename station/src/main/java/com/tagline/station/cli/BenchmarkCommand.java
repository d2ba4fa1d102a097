package com.tagline.station.cli;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.Ntag424Recipe;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.StepListener;
import com.tagline.simulator.pn532.Pn532Timing;
import com.tagline.station.simulate.Pn532Bench;
import com.tagline.station.simulate.SimulatedChips;
import com.tagline.station.simulate.TimingTagLink;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station benchmark}: host CPU time of one full NTAG 424 DNA personalization (inspect, write,
 * SDM, five key changes, verify) against the simulated chip over a zero-latency link. The time spent
 * inside the simulated chip is measured by a decorator and subtracted from the thread's CPU time.
 * {@code station benchmark sync} ({@link SyncBenchmarkCommand}) measures the outbox drain instead.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measure host CPU time per personalization against the simulator (zero-latency link).",
        subcommands = {SyncBenchmarkCommand.class, StoreBenchmarkCommand.class})
final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "2000", description = "Measured chips (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--warmup", defaultValue = "2000", description = "Warm-up chips (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--via", defaultValue = "direct",
            description = "direct: host CPU against the chip simulator; pn532: through the PN532 emulator's timing model.")
    String via;

    @Option(names = "--baud", split = ",", defaultValue = "115200,921600",
            description = "With --via pn532: HSU speeds to compare (default ${DEFAULT-VALUE}).")
    List<Integer> bauds;

    @Option(names = "--command-us", defaultValue = "1000",
            description = "With --via pn532: modeled PN532 firmware time per command, µs [inferred] (default ${DEFAULT-VALUE}).")
    long commandMicros;

    @Option(names = "--rf-us", defaultValue = "5000",
            description = "With --via pn532: modeled RF + chip time per chip exchange, µs [inferred] (default ${DEFAULT-VALUE}).")
    long rfMicros;

    @Override
    public Integer call() {
        if (count < 1 || warmup < 0) {
            System.err.println("benchmark: --count must be ≥ 1 and --warmup ≥ 0");
            return 2;
        }
        if (!via.equals("direct") && !via.equals("pn532")) {
            System.err.println("benchmark: --via must be direct or pn532, got " + via);
            return 2;
        }
        byte[] k = new byte[16];
        Arrays.fill(k, (byte) 0x42);
        MasterKeySet keys = new MasterKeySet(List.of(k, k, k, k, k), 1, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
        OriginalitySignature trust = OriginalitySignature.ntag424(List.of(SimulatedChips.trustedTestKeyHex()));
        Ntag424Personalizer personalizer = new Ntag424Personalizer(Ntag424Recipe.of(keys, SunTemplate.defaults(), trust));
        SimulatedChips chips = new SimulatedChips(7, 0.0);
        if (via.equals("pn532")) {
            return viaPn532(personalizer, chips);
        }
        measure(personalizer, chips, 0, warmup);
        Sample s = measure(personalizer, chips, warmup, count);
        System.out.printf("personalizations:        %d (after %d warm-up)%n", count, warmup);
        System.out.printf("exchanges per chip:      %.1f (%.0f bytes out, %.0f bytes in)%n", s.exchanges / (double) count,
                s.bytesOut / (double) count, s.bytesIn / (double) count);
        System.out.printf("thread CPU per chip:     %.1f µs (host + simulated chip)%n", s.cpuNanos / 1e3 / count);
        System.out.printf("simulated chip per chip: %.1f µs (wall time inside the chip, subtracted)%n",
                s.simNanos / 1e3 / count);
        System.out.printf("host CPU per chip:       %.1f µs%n", (s.cpuNanos - s.simNanos) / 1e3 / count);
        System.out.printf("wall time per chip:      %.1f µs%n", s.wallNanos / 1e3 / count);
        return s.failures == 0 ? 0 : 1;
    }

    private int viaPn532(Ntag424Personalizer personalizer, SimulatedChips chips) {
        Pn532Timing timing = Pn532Timing.accounting(Duration.ofNanos(commandMicros * 1000), Duration.ofNanos(rfMicros * 1000));
        System.out.printf("PN532 path, %d chips per speed; modeled: 10 bits/byte on the line, %d µs per PN532 command,"
                + " %d µs per RF exchange%n", count, commandMicros, rfMicros);
        System.out.printf("%10s %12s %14s %14s %14s%n", "baud", "exchanges", "bytes to PN532", "bytes to host", "modeled ms");
        int failures = 0;
        for (int baud : bauds) {
            try {
                Pn532Bench.PerChip p = Pn532Bench.run(personalizer, chips, count, baud, timing);
                System.out.printf("%10d %12.1f %14.0f %14.0f %14.1f%n", baud, p.exchanges(), p.bytesToPn532(),
                        p.bytesFromPn532(), p.modeledTime().toNanos() / 1e6);
                failures += p.failures();
            } catch (IllegalArgumentException e) {
                System.err.println("benchmark: " + e.getMessage());
                return 2;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private record Sample(long cpuNanos, long simNanos, long wallNanos, long exchanges, long bytesOut, long bytesIn,
            int failures) {}

    private static Sample measure(Ntag424Personalizer personalizer, SimulatedChips chips, int from, int n) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        // Chips are built before timing: their creation (originality signing) is not the host's work.
        TimingTagLink[] links = new TimingTagLink[n];
        for (int i = 0; i < n; i++) {
            links[i] = new TimingTagLink(chips.next(from + i).link());
        }
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        int failures = 0;
        for (int i = 0; i < n; i++) {
            PersonalizationResult r = personalizer.personalize(links[i], "https://tags.example.com/t/tag_" + i,
                    StepListener.NONE);
            failures += r.configured() ? 0 : 1;
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        long sim = 0;
        long ex = 0;
        long out = 0;
        long in = 0;
        for (TimingTagLink l : links) {
            sim += l.nanosInside();
            ex += l.exchanges();
            out += l.bytesOut();
            in += l.bytesIn();
        }
        return new Sample(cpu, sim, wall, ex, out, in, failures);
    }
}
