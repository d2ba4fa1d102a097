package com.tagline.station.cli;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.keys.KeyFile;
import com.tagline.station.ixkio.ChipUrlFit;
import com.tagline.station.personalize.Ntag223Personalizer;
import com.tagline.station.personalize.Ntag223Recipe;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.Ntag424Recipe;
import com.tagline.station.simulate.BatchProtocol;
import com.tagline.station.simulate.BatchSummary;
import com.tagline.station.simulate.SimulatedChips;
import com.tagline.station.simulate.SimulationOptions;
import com.tagline.station.simulate.StationSimulation;
import com.tagline.station.workflow.ChipRecipe;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station simulate}: the whole station in one process against simulated parts (see
 * {@link StationSimulation}): chips on the simulated conveyor, the real workflow and SQLite store,
 * leasing and sync against the tagbase emulator over loopback HTTP, and a phone scan of every configured
 * chip verified by the platform. With {@code --platform ixkio}: an encoding manifest built from the ixkio
 * emulator's tag codes is imported, outcomes go out through the ixkio sink, scans are verified locally
 * with the derived keys, and the association export must match the configured chips. Exit 0 when every chip ended as expected, every outcome synced, the
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

    @Option(names = "--station", defaultValue = "sim-1", description = "Station name in reports (default ${DEFAULT-VALUE}).")
    String station;

    @Option(names = "--platform", defaultValue = "tagbase",
            description = "Platform emulator the station syncs with: tagbase or ixkio (default ${DEFAULT-VALUE}).")
    String platformName;

    @picocli.CommandLine.Mixin
    SimulateConsoleOptions consoleOptions = new SimulateConsoleOptions();

    @Option(names = "--hand-fed",
            description = "Present chips one by one at the antenna (bench mode) instead of on the simulated conveyor.")
    boolean handFed;

    @Override
    public Integer call() {
        if (count < 1) {
            System.err.println("simulate: --count must be at least 1");
            return 2;
        }
        if (!platformName.equals("tagbase") && !platformName.equals("ixkio")) {
            System.err.println("simulate: unknown --platform '" + platformName + "' (known: tagbase, ixkio)");
            return 2;
        }
        MasterKeySet keys;
        SunTemplate template;
        SimulationOptions options;
        Optional<com.tagline.station.simulate.SimulationConsole.Options> consoleSettings;
        try {
            consoleSettings = consoleOptions.options(System.getenv());
            keys = keyFile != null ? KeyFile.load(keyFile) : randomKeys();
            template = new SunTemplate(sunTemplate, 1, 2);
            options = new SimulationOptions(count, BatchProtocol.parse(protocol), defectRate, seed, urlBase, station,
                    handFed, Optional.ofNullable(outageAt).map(StationSimulation::seconds), StationSimulation.seconds(outageFor),
                    Optional.ofNullable(dataDir));
        } catch (IllegalArgumentException | com.tagline.hardware.keys.KeyFileException e) {
            System.err.println("simulate: " + e.getMessage());
            return 2;
        }
        Recipes recipes = recipes(keys, template);
        java.util.function.Supplier<com.tagline.station.simulate.SimulatedPlatform> platform = platformName.equals("ixkio")
                ? () -> StationSimulation.ixkio(keys, template.metaReadKey(), template.fileReadKey(), recipes.fit(), seed)
                : () -> StationSimulation.tagbase(keys, seed);
        StationSimulation simulation = new StationSimulation(options, recipes.byProtocol(), keys.version(), platform);
        try (SimulatedConsoleRun console = SimulatedConsoleRun.of(consoleSettings, station, keys.version(), simulation)) {
            BatchSummary summary = simulation.run(progressTo(System.err, count));
            System.out.print(json ? summary.json(keys.version()) + System.lineSeparator() : summary.text());
            System.out.flush();
            console.lingerIf(consoleOptions.linger);
            return summary.allAsExpected() ? 0 : 1;
        } catch (IllegalStateException e) {
            System.err.println("simulate: " + e.getMessage());
            return 1;
        }
    }

    /** The recipe per protocol, and whether a manifest URL fits them (the ixkio import's check). */
    private record Recipes(Map<String, ChipRecipe> byProtocol, ChipUrlFit fit) {
    }

    private static Recipes recipes(MasterKeySet keys, SunTemplate template) {
        OriginalitySignature trust = OriginalitySignature.ntag424(List.of(SimulatedChips.trustedTestKeyHex()));
        Ntag424Recipe r424 = Ntag424Recipe.of(keys, template, trust);
        Ntag223Recipe r223 = Ntag223Recipe.of(keys, MirrorTemplate.defaults(),
                Ntag223Originality.trust(List.of(SimulatedChips.trustedNtag223TestKeyHex())));
        Ntag424Personalizer p424 = new Ntag424Personalizer(r424);
        Ntag223Personalizer p223 = new Ntag223Personalizer(r223);
        return new Recipes(Map.of(BatchProtocol.NTAG_424, p424::personalize, BatchProtocol.NTAG_223, p223::personalize),
                ChipUrlFit.of(r424, r223));
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

    private static MasterKeySet randomKeys() {
        SecureRandom random = new SecureRandom();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < MasterKeySet.KEY_COUNT; i++) {
            byte[] k = new byte[16];
            random.nextBytes(k);
            keys.add(k);
        }
        return new MasterKeySet(keys, 1, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
    }
}
