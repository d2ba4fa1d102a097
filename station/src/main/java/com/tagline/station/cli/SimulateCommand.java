package com.tagline.station.cli;

import com.tagline.hardware.TaglineException;
import com.tagline.hardware.keys.KeyFileException;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.station.run.Recipes;
import com.tagline.station.simulate.BatchProtocol;
import com.tagline.station.simulate.BatchSummary;
import com.tagline.station.simulate.CycleTiming;
import com.tagline.station.simulate.SimulatedPlatform;
import com.tagline.station.simulate.SimulationConsole;
import com.tagline.station.simulate.SimulationKeys;
import com.tagline.station.simulate.SimulationOptions;
import com.tagline.station.simulate.StationSimulation;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station simulate}: the whole station in one process against simulated parts (see
 * {@link StationSimulation}): chips on the simulated conveyor, the real workflow and SQLite store,
 * leasing and sync against the tagbase emulator over loopback HTTP, and a phone scan of every configured
 * chip verified by the platform. With {@code --platform ixkio}: an encoding manifest built from the ixkio
 * emulator's tag codes is imported, outcomes go out through the ixkio sink, scans are verified locally
 * with the derived keys, and the association export must match the configured chips. With
 * {@code --console}, the operator console serves the (first) station during the run
 * ({@link SimulateConsoleOptions}). Exit 0 when every chip ended as expected, every outcome synced, the
 * platform holds exactly the configured chips and every scan verified; 1 otherwise; 2 on bad options.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the whole station against simulated chips, conveyor and platform, and print a summary.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "20", description = "Chips to personalize (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--protocol", defaultValue = "ntag_424_dna",
            description = "Chips of the batch: ntag_424_dna, ntag_223_dna or mixed (default ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--defect-rate", defaultValue = "0.1",
            description = "Share of defective chips: counterfeit, foreign, leaving the field, torn (default ${DEFAULT-VALUE}).")
    double defectRate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated batch (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keys", description = "Master key file (default: a fresh random key set).")
    Path keyFile;

    @Option(names = "--sun-template", defaultValue = SunTemplate.DEFAULT_PARAMETERS,
            description = "NTAG 424 DNA SUN parameter template (default ${DEFAULT-VALUE}); NTAG 223 DNA chips use "
                    + MirrorTemplate.DEFAULT_PARAMETERS + ".")
    String sunTemplate;

    @Option(names = "--url-base", defaultValue = "https://tags.example.com/t/",
            description = "Tag URLs are this plus the tag id (default ${DEFAULT-VALUE}).")
    String urlBase;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout.")
    boolean json;

    @Option(names = "--outage-at", description = "Take the platform offline this many seconds (virtual time) into the run.")
    Double outageAt;

    @Option(names = "--outage-for", defaultValue = "20",
            description = "How long the platform stays offline, in seconds (default ${DEFAULT-VALUE}).")
    double outageFor;

    @Option(names = "--data-dir", description = "Keep the station's SQLite file here (default: a temporary directory).")
    Path dataDir;

    @Option(names = "--station", defaultValue = "sim",
            description = "Station name prefix: stations are named PREFIX-1 .. PREFIX-N in reports (default ${DEFAULT-VALUE}).")
    String station;

    @Option(names = "--platform", defaultValue = "tagbase",
            description = "Platform emulator the station syncs with: tagbase or ixkio (default ${DEFAULT-VALUE}).")
    String platformName;

    @Option(names = "--hand-fed",
            description = "Present chips one by one at the antenna (bench mode) instead of on the simulated conveyor.")
    boolean handFed;

    @Option(names = "--stations", defaultValue = "1",
            description = "Stations on one platform, each with its own store, PN532 emulator and conveyor (default ${DEFAULT-VALUE}).")
    int stations;

    @picocli.CommandLine.Mixin
    SimulateConsoleOptions consoleOptions = new SimulateConsoleOptions();

    @Option(names = "--timing",
            description = "Model the line's cycle: the PN532 emulator's datasheet timing model, the store's fsyncs and the"
                    + " conveyor's index time; the summary adds chips per hour per head.")
    boolean timing;

    @Option(names = "--baud", defaultValue = "921600",
            description = "With --timing: the PN532 serial speed (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--fsync-ms", defaultValue = "10",
            description = "With --timing: what one fsync costs on the station's storage, in ms (default ${DEFAULT-VALUE}).")
    long fsyncMs;

    @Option(names = "--belt-mm-s", defaultValue = "200",
            description = "With --timing: the conveyor belt's speed in mm/s (default ${DEFAULT-VALUE}, the standard line:"
                    + " 60 mm pitch, so a 300 ms index); the line's travel limits scale with it.")
    int beltMmPerSecond;

    @Override
    public Integer call() {
        if (!platformName.equals("tagbase") && !platformName.equals("ixkio")) {
            System.err.println("simulate: unknown --platform '" + platformName + "' (known: tagbase, ixkio)");
            return 2;
        }
        SimulationKeys keys;
        SimulationOptions options;
        Optional<SimulationConsole.Options> consoleSettings;
        try {
            consoleSettings = consoleOptions.options(System.getenv());
            keys = keyFile != null ? SimulationKeys.file(keyFile) : SimulationKeys.random();
            new SunTemplate(sunTemplate, Recipes.META_READ_KEY, Recipes.FILE_READ_KEY);
            options = new SimulationOptions(count, BatchProtocol.parse(protocol), defectRate, seed, urlBase, station,
                    handFed, Optional.ofNullable(outageAt).map(StationSimulation::seconds),
                    StationSimulation.seconds(outageFor), Optional.ofNullable(dataDir), stations, sunTemplate,
                    timing ? Optional.of(new CycleTiming(baud, Duration.ofMillis(fsyncMs), beltMmPerSecond)) : Optional.empty());
        } catch (IllegalArgumentException | KeyFileException e) {
            System.err.println("simulate: " + e.getMessage());
            return 2;
        }
        Supplier<SimulatedPlatform> platform = platformName.equals("ixkio") ? StationSimulation.ixkio(keys, seed)
                : StationSimulation.tagbase(keys, seed);
        StationSimulation simulation = new StationSimulation(options, keys, platform);
        try (SimulatedConsoleRun console = SimulatedConsoleRun.of(consoleSettings, simulation)) {
            BatchSummary summary = simulation.run(progressTo(System.err, count));
            System.out.print(json ? summary.json(keys.keys().version()) + System.lineSeparator() : summary.text());
            System.out.flush();
            summary.outage().filter(o -> !o.began()).ifPresent(o -> System.err.println("simulate: the platform never"
                    + " went offline: the run ended after " + o.ran().toSeconds() + " s of virtual time, before"
                    + " --outage-at " + o.at().toSeconds() + " s"));
            console.lingerIf(consoleOptions.linger);
            return summary.allAsExpected() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            System.err.println("simulate: " + e.getMessage());
            return 2;
        } catch (TaglineException | UncheckedIOException e) {
            System.err.println("simulate: the simulation cannot run: " + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            // the console cannot listen, or a station found no work for a chip
            System.err.println("simulate: " + e.getMessage());
            return 1;
        }
    }

    /** Progress lines on stderr every tenth of the batch. */
    static IntConsumer progressTo(PrintStream err, int count) {
        int step = Math.max(1, count / 10);
        return done -> {
            if (done % step == 0 || done == count) {
                err.printf("simulate: %d/%d chips%n", done, count);
            }
        };
    }
}
