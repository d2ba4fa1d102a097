package com.tagline.station.cli;

import com.tagline.station.simulate.BatchProtocol;
import com.tagline.station.simulate.campaign.Campaign;
import com.tagline.station.simulate.campaign.CampaignOptions;
import com.tagline.station.simulate.campaign.CampaignResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station campaign --kills N --seed S}: the process-level kill campaign of issue 12 ({@link Campaign}).
 * Exit 0 when no invariant broke, nothing hung and no life ended on its own; 1 otherwise (or when socat is
 * missing); 2 on bad options.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Kill station run (a hand-fed bench) with SIGKILL again and again while an operator feeds and"
            + " pulls chips, then drain it and check that no chip shipped wrong. This process hosts the platform and"
            + " PN532 emulators and the chips; needs socat.")
final class CampaignCommand implements Callable<Integer> {
    @Option(names = "--kills", defaultValue = "30", description = "SIGKILLs to deliver (default ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--seed", defaultValue = "1",
            description = "Fixes the chips, the kill moments and the operator's choices (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--life-ms", defaultValue = "6000",
            description = "Each kill comes at a moment drawn uniformly from this window after the station's process"
                    + " starts (default ${DEFAULT-VALUE}).")
    long lifeMs;

    @Option(names = "--defect-rate", defaultValue = "0.1",
            description = "Share of defective chips: counterfeit, foreign, leaving the field, torn (default ${DEFAULT-VALUE}).")
    double defectRate;

    @Option(names = "--pull-rate", defaultValue = "0.1",
            description = "Share of placed chips pulled off the antenna while the station works on them (default ${DEFAULT-VALUE}).")
    double pullRate;

    @Option(names = "--protocol", defaultValue = "ntag_424_dna",
            description = "Chips: ntag_424_dna, ntag_223_dna or mixed (default ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--platform-latency-ms", defaultValue = "50",
            description = "The platform emulator answers this late while the kills go on (default ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--drop-rate", defaultValue = "0.02",
            description = "Share of platform answers dropped after the call was applied (default ${DEFAULT-VALUE}).")
    double dropRate;

    @Option(names = "--dir", description = "Keep the station's data, configuration and campaign.log here (a new or"
            + " empty directory; default: a temporary one, kept only when something broke).")
    Path dir;

    @Option(names = "--json", description = "Print the figures as one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        CampaignOptions options;
        Path workDir;
        try {
            options = new CampaignOptions(kills, seed, Duration.ofMillis(lifeMs), defectRate, pullRate,
                    BatchProtocol.parse(protocol), Duration.ofMillis(latencyMs), dropRate);
            workDir = workDir();
        } catch (IllegalArgumentException e) {
            System.err.println("campaign: " + e.getMessage());
            return 2;
        }
        if (!Files.isExecutable(Path.of("/usr/bin/socat")) && !onPath("socat")) {
            System.err.println("campaign: socat is needed for the reader's pty (apt-get install socat)");
            return 1;
        }
        CampaignResult r = new Campaign(options, System.err).run(workDir);
        System.out.println(json ? r.json() : r.text());
        if (dir == null && r.clean()) {
            delete(workDir);
        } else {
            System.err.println("campaign: data, configuration and campaign.log are in " + workDir);
        }
        return r.clean() ? 0 : 1;
    }

    private Path workDir() throws IOException {
        if (dir == null) {
            return Files.createTempDirectory("tagline-campaign-");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--dir " + dir + " is not empty; a campaign starts from an empty"
                            + " store against a fresh platform emulator");
                }
            }
            return dir.toAbsolutePath();
        }
        return Files.createDirectories(dir).toAbsolutePath();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    private static void delete(Path d) {
        try (Stream<Path> paths = Files.walk(d)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
