package com.tagline.station.cli;

import com.tagline.hardware.IoReason;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.config.StationConfig;
import com.tagline.station.run.Recipes;
import com.tagline.station.simulate.SimulatedChips;
import com.tagline.station.simulate.SimulationKeys;
import com.tagline.station.simulate.StoreBench;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station benchmark store}: what the SQLite store costs per chip on the encoding path (issue 13,
 * goal 1), see {@link StoreBench}: durable commits (fsyncs) per chip, the time in store calls on the given
 * storage, and the store's time per chip modeled for storage that costs 2, 10 and 30 ms per fsync (an SD
 * card's range) on top of what the store costs where fsync is free (tmpfs).
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Personalize blank simulated chips through the real encoder and SQLite store and report the"
                + " store's fsyncs and time per chip, modeled for 2, 10 and 30 ms per fsync."})
final class StoreBenchmarkCommand implements Callable<Integer> {
    private static final List<Duration> FSYNC_COSTS = List.of(Duration.ofMillis(2), Duration.ofMillis(10),
            Duration.ofMillis(30));

    @Option(names = "--chips", defaultValue = "300", description = "Chips to personalize (default ${DEFAULT-VALUE}).")
    int chips;

    @Option(names = "--data-dir", description = "Where the store's file goes (default: a new directory under the"
            + " system's temporary directory); a new subdirectory is made and removed.")
    Path dataDir;

    @Override
    public Integer call() {
        if (chips < 10) {
            System.err.println("benchmark store: --chips must be at least 10, got " + chips);
            return 2;
        }
        SimulationKeys keys = SimulationKeys.random();
        Recipes recipes = Recipes.of(List.of(ChipProtocol.NTAG_424_DNA), SunTemplate.DEFAULT_PARAMETERS,
                new StationConfig.Trust(List.of(SimulatedChips.trustedTestKeyHex()), List.of()), keys.keys());
        Path disk = dataDir != null ? dataDir : Path.of(System.getProperty("java.io.tmpdir"));
        StoreBench.Result onDisk = measure(disk, keys.keys(), recipes);
        Path shm = Path.of("/dev/shm");
        StoreBench.Result onTmpfs = Files.isDirectory(shm) ? measure(shm, keys.keys(), recipes) : onDisk;
        System.out.printf(Locale.ROOT, "store per chip (%d chips, %d configured): %.2f durable commits (fsyncs),"
                + " %.2f ms in store calls on %s%n", onDisk.chips(), onDisk.configured(), onDisk.durableCommitsPerChip(),
                millis(onDisk.storeTimePerChip()), disk);
        System.out.printf(Locale.ROOT, "store time per chip where an fsync is free (%s): %.2f ms%n",
                onTmpfs == onDisk ? "no tmpfs here; same storage" : "tmpfs " + shm, millis(onTmpfs.storeTimePerChip()));
        for (Duration cost : FSYNC_COSTS) {
            System.out.printf(Locale.ROOT, "modeled store time per chip at %d ms per fsync: %.1f ms%n", cost.toMillis(),
                    millis(onTmpfs.modeled(onTmpfs.storeTimePerChip(), cost)));
        }
        return onDisk.configured() == onDisk.chips() ? 0 : 1;
    }

    private StoreBench.Result measure(Path parent, MasterKeySet keys, Recipes recipes) {
        Path dir;
        try {
            dir = Files.createTempDirectory(parent, "tagline-store-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory under " + parent + ": " + IoReason.of(e), e);
        }
        try {
            return StoreBench.run(dir, chips, keys, recipes.byProtocol());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a directory left behind is harmless
            }
        }
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
