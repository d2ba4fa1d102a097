package com.tagline.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code simulator.jar}: {@code java -jar simulator.jar pn532 --link PATH [--chip KIND:UIDHEX]...}
 * or {@code java -jar simulator.jar platform --port N --api-key-file FILE [...]} (the tagbase emulator)
 * or {@code java -jar simulator.jar ixkio --port N --api-key-file FILE --codes FILE.csv [--aid AID]}.
 * Exit codes: 0 stopped normally, 1 runtime failure (socat missing, pty lost), 2 usage error (also no
 * subcommand: neither Runnable nor Callable, so picocli requires one; {@link CommandLineConventions}).
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, version = "Tagline simulator 0.1.0",
        subcommands = {Pn532Command.class, PlatformCommand.class, IxkioCommand.class},
        description = "Tagline software doubles of devices.")
public final class SimulatorCli {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests and embedding. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SimulatorCli());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        });
        return CommandLineConventions.apply(cli, "simulator.jar");
    }
}
