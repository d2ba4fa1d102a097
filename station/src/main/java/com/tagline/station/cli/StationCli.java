package com.tagline.station.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code station}: the Tagline encoding station's command line. */
@Command(name = "station", mixinStandardHelpOptions = true, version = "Tagline station 0.1.0",
        description = "Tagline: production-line NFC encoding station for NTAG DNA chips.",
        subcommands = {SimulateCommand.class, RunCommand.class, CampaignCommand.class, ImportManifestCommand.class, ExportAssociationsCommand.class,
            SunVerifyCommand.class, BenchmarkCommand.class,
            CommandLine.HelpCommand.class})
public final class StationCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        // picocli answers invalid options with exit code 2 (ExitCode.USAGE), the sun-verify bad-input code.
        return new CommandLine(new StationCli()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
