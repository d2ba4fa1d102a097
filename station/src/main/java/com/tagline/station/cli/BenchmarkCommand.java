package com.tagline.station.cli;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.Ntag424Recipe;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.StepListener;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.tag.BitRate;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.pn532.DatasheetTiming;
import com.tagline.simulator.pn532.FlatTiming;
import com.tagline.station.personalize.Ntag223Personalizer;
import com.tagline.station.personalize.Ntag223Recipe;
import com.tagline.station.simulate.Pn532Bench;
import com.tagline.station.simulate.SimulatedChips;
import com.tagline.station.simulate.TimingTagLink;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station benchmark}: host CPU time of one full NTAG 424 DNA personalization (inspect, write,
 * SDM, five key changes, verify) against the simulated chip over a zero-latency link; the simulated chip's
 * CPU time is measured by a decorator and subtracted from the thread's CPU time. With {@code --via pn532}
 * ({@link RadioBenchmark}): PN532 exchanges, serial bytes and modeled time per chip for both chip kinds.
 * {@code station benchmark sync} ({@link SyncBenchmarkCommand}) measures the outbox drain instead.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Measure host CPU time per NTAG 424 DNA personalization against the simulator (zero-latency link).",
            "With --via pn532: PN532 exchanges, serial bytes and modeled time per chip (flat and datasheet timing"
                    + " models) for NTAG 424 DNA at 106 kbit/s and at the negotiated RF rate, and NTAG 223 DNA."},
        subcommands = {SyncBenchmarkCommand.class, StoreBenchmarkCommand.class})
final class BenchmarkCommand implements Callable<Integer> {
    private static final String BENCH_URL = "https://tags.example.com/t/tag_bench";

    @Option(names = "--count", description = "Measured chips (default 2000; with --via pn532: 100 per row).")
    Integer count;

    @Option(names = "--warmup", defaultValue = "2000", description = "Warm-up chips (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--via", defaultValue = "direct",
            description = "direct: host CPU against the chip simulator; pn532: through the PN532 emulator's timing models.")
    String via;

    @Option(names = "--baud", split = ",", defaultValue = "115200,921600",
            description = "With --via pn532: HSU speeds to compare (default ${DEFAULT-VALUE}).")
    List<Integer> bauds;

    @Option(names = "--protocol", split = ",", defaultValue = "ntag_424_dna,ntag_223_dna",
            converter = ProtocolOption.class, description = "With --via pn532: chip kinds (default ${DEFAULT-VALUE}).")
    List<ChipProtocol> protocols;

    @Option(names = "--max-rf-kbps", defaultValue = "424",
            description = "With --via pn532: fastest RF bit rate to negotiate with InPSL, 106/212/424 (default ${DEFAULT-VALUE}).")
    int maxRfKbps;

    @Option(names = "--command-us", defaultValue = "1000",
            description = "With --via pn532, flat model: PN532 firmware time per command, µs [inferred] (default ${DEFAULT-VALUE}).")
    long commandMicros;

    @Option(names = "--rf-us", defaultValue = "5000",
            description = "With --via pn532, flat model: RF + chip time per chip exchange, µs [inferred] (default ${DEFAULT-VALUE}).")
    long rfMicros;

    @Option(names = "--timing-param", paramLabel = "NAME=VALUE",
            description = "With --via pn532, datasheet model: change a parameter (listed in the output), repeatable.")
    Map<String, Long> timingParams = new LinkedHashMap<>();

    @Override
    public Integer call() {
        int count = this.count != null ? this.count : via.equals("pn532") ? 100 : 2000;
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
            return viaPn532(keys, personalizer, count);
        }
        measure(personalizer, chips, 0, warmup);
        Sample s = measure(personalizer, chips, warmup, count);
        System.out.printf("personalizations:        %d (after %d warm-up)%n", count, warmup);
        System.out.printf("exchanges per chip:      %.1f (%.0f bytes out, %.0f bytes in)%n", s.exchanges / (double) count,
                s.bytesOut / (double) count, s.bytesIn / (double) count);
        System.out.printf("thread CPU per chip:     %.1f µs (host + simulated chip)%n", s.cpuNanos / 1e3 / count);
        System.out.printf("simulated chip per chip: %.1f µs (CPU time inside the chip, subtracted)%n",
                s.simNanos / 1e3 / count);
        System.out.printf("host CPU per chip:       %.1f µs%n", (s.cpuNanos - s.simNanos) / 1e3 / count);
        System.out.printf("wall time per chip:      %.1f µs%n", s.wallNanos / 1e3 / count);
        return s.failures == 0 ? 0 : 1;
    }

    private int viaPn532(MasterKeySet keys, Ntag424Personalizer personalizer, int count) {
        List<Pn532Bench.Subject> subjects = new ArrayList<>();
        RadioBenchmark bench;
        try {
            for (ChipProtocol p : protocols) {
                subjects.add(switch (p) {
                    case NTAG_424_DNA -> Pn532Bench.ntag424(personalizer, BENCH_URL);
                    case NTAG_223_DNA -> Pn532Bench.ntag223(new Ntag223Personalizer(Ntag223Recipe.of(keys,
                            MirrorTemplate.defaults(), Ntag223Originality.trust(
                                    List.of(SimulatedChips.trustedNtag223TestKeyHex())))), BENCH_URL);
                });
            }
            DatasheetTiming datasheet = DatasheetTiming.defaults();
            for (Map.Entry<String, Long> e : timingParams.entrySet()) {
                datasheet = datasheet.with(e.getKey(), e.getValue());
            }
            bench = new RadioBenchmark(subjects, bauds, new FlatTiming(Duration.ofNanos(commandMicros * 1000),
                    Duration.ofNanos(rfMicros * 1000)), datasheet, BitRate.ofKbps(maxRfKbps), count);
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            return 2;
        }
        List<RadioBenchmark.Row> rows;
        try {
            rows = bench.run();
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage());
            return 2;
        }
        bench.print(rows, System.out);
        return RadioBenchmark.failures(rows) == 0 ? 0 : 1;
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
