package com.tagline.station.cli;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.Ntag424Recipe;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.StepListener;
import com.tagline.station.simulate.SimulatedChips;
import com.tagline.station.simulate.TimingTagLink;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station benchmark}: host CPU time of one full NTAG 424 DNA personalization (inspect, write,
 * SDM, five key changes, verify) against the simulated chip over a zero-latency link. The time spent
 * inside the simulated chip is measured by a decorator and subtracted from the thread's CPU time.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measure host CPU time per personalization against the simulator (zero-latency link).")
final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "2000", description = "Measured chips (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--warmup", defaultValue = "2000", description = "Warm-up chips (default ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() {
        if (count < 1 || warmup < 0) {
            System.err.println("benchmark: --count must be ≥ 1 and --warmup ≥ 0");
            return 2;
        }
        byte[] k = new byte[16];
        Arrays.fill(k, (byte) 0x42);
        MasterKeySet keys = new MasterKeySet(List.of(k, k, k, k, k), 1, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
        OriginalitySignature trust = OriginalitySignature.ntag424(List.of(SimulatedChips.trustedTestKeyHex()));
        Ntag424Personalizer personalizer = new Ntag424Personalizer(Ntag424Recipe.of(keys, SunTemplate.defaults(), trust));
        SimulatedChips chips = new SimulatedChips(7, 0.0);
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
