package com.tagline.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code simulator.jar}: {@code java -jar simulator.jar pn532 --link PATH [--chip KIND:UIDHEX]...}
 * or {@code java -jar simulator.jar platform --port N --api-key-file FILE [...]} (the tagbase emulator)
 * or {@code java -jar simulator.jar ixkio --port N --api-key-file FILE --codes FILE.csv [--aid AID]}.
 * Exit codes: 0 stopped normally, 1 runtime failure (socat missing, pty lost), 2 usage error.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        subcommands = {Pn532Command.class, PlatformCommand.class, IxkioCommand.class},
        description = "Tagline software doubles of devices.")
public final class SimulatorCli implements Runnable {
    @Spec
    private CommandSpec spec;

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
        return cli;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (pn532, platform, ixkio)");
    }
}
