package com.tagline.station.cli;

import com.tagline.simulator.cli.CommandLineConventions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code station}: the Tagline encoding station's command line. */
@Command(name = "station", mixinStandardHelpOptions = true, version = "Tagline station 0.1.0",
        description = "Tagline: production-line NFC encoding station for NTAG DNA chips.",
        subcommands = {SimulateCommand.class, RunCommand.class, CampaignCommand.class, ImportManifestCommand.class, ExportAssociationsCommand.class,
            SunVerifyCommand.class, BenchmarkCommand.class, com.tagline.station.doctor.DoctorCommand.class,
            com.tagline.station.natives.NativesCommand.class,
            CommandLine.HelpCommand.class})
public final class StationCli {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        // picocli answers invalid options with exit code 2 (ExitCode.USAGE), the sun-verify bad-input code; no
        // subcommand is one too (not Runnable: picocli requires a subcommand), with the usage on stderr.
        return CommandLineConventions.apply(new CommandLine(new StationCli()), "station.jar").execute(args);
    }
}
