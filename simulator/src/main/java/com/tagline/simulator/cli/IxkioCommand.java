package com.tagline.simulator.cli;

import com.tagline.hardware.IoReason;
import com.tagline.simulator.platform.EmulatorFaults;
import com.tagline.simulator.platform.ixkio.IxkioAccount;
import com.tagline.simulator.platform.ixkio.IxkioCounts;
import com.tagline.simulator.platform.ixkio.IxkioEmulator;
import com.tagline.simulator.platform.ixkio.SeedFileException;
import com.tagline.simulator.platform.ixkio.TagCodeSeed;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulator ixkio --port N --api-key-file FILE --codes FILE.csv [--aid AID]}: serves the ixkio
 * Management API emulator (platform-api §2.1) on 127.0.0.1 until SIGTERM, SIGINT or the end of a piped
 * stdin. Prints the base URL on stdout once listening. The API key is never printed.
 */
@Command(name = "ixkio", mixinStandardHelpOptions = true,
        // picocli lists a subcommand by its first description line: it is the whole summary
        description = {"Serves the ixkio Management API emulator on 127.0.0.1.",
            "Endpoints: PATCH /v1/x/{xuid}, PATCH /v1/a/{aid} with ix_c or ix_u; GET /_emulator/state;"
                    + " POST /_emulator/faults.",
            "Prints the base URL once ready; stops on SIGTERM/SIGINT or when a piped stdin ends.",
            "Piped stdin lines: 'state' (counters).",
            "Codes file: CSV with the header xuid,cuid,url and optionally uid (any order); one tag code per line;"
                    + " xuid required and unique; cuid (case-sensitive) and uid (hex, stored uppercase) may be empty,"
                    + " unique when given; url is the tag group's response the tag code inherits. Tag codes start"
                    + " Inactive, Unassigned."})
final class IxkioCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "N", description = "TCP port on 127.0.0.1; 0 picks a free one.")
    private int port;

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    private ApiKeyOptions apiKeyOptions;

    private String apiKey;

    @Option(names = "--codes", required = true, paramLabel = "FILE.csv", description = "The tag codes to serve.")
    private Path codes;

    @Option(names = "--aid", paramLabel = "AID", defaultValue = IxkioEmulator.DEFAULT_AID,
            description = "The account's AID in PATCH /v1/a/{aid}. Default: ${DEFAULT-VALUE}.")
    private String aid;

    @Option(names = "--fault-seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the error_rate / drop_responses_rate dice. Default: ${DEFAULT-VALUE}.")
    private long faultSeed;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "warn",
            description = "error, warn, info or debug; logs go to stderr. Default: ${DEFAULT-VALUE}.")
    private String logLevel;

    @Override
    public Integer call() throws InterruptedException {
        checkOptions();
        List<TagCodeSeed> seeds = readCodes();
        IxkioAccount account = new IxkioAccount(aid, seeds, Clock.systemUTC());
        try (IxkioEmulator emulator = IxkioEmulator.start(account, apiKey, new EmulatorFaults(faultSeed), port)) {
            ServeUntilStopped.serve("ixkio", emulator.baseUrl(), spec.commandLine().getOut(), () -> state(account));
        }
        return 0;
    }

    /** The answer to a stdin {@code state} line: the account's counters. */
    private static String state(IxkioAccount account) {
        IxkioCounts c = account.counts();
        return "tag_codes " + c.tagCodes() + " active " + c.active() + " assigned " + c.assigned()
                + " with_nft " + c.withNft() + " applied " + c.updatesApplied() + " rejected "
                + c.updatesRejected() + " unauthorized " + c.unauthorized();
    }

    private void checkOptions() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535, was " + port);
        }
        apiKey = apiKeyOptions.value(spec.commandLine());
        if (apiKey.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--api-key must not be empty");
        }
        if (aid.isEmpty() || aid.contains("/")) {
            throw new ParameterException(spec.commandLine(), "--aid must be a non-empty path segment");
        }
        List<String> levels = Arrays.asList("error", "warn", "info", "debug");
        if (!levels.contains(logLevel)) {
            throw new ParameterException(spec.commandLine(), "--log-level must be one of " + levels);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", logLevel);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }

    private List<TagCodeSeed> readCodes() {
        try (Reader in = Files.newBufferedReader(codes, StandardCharsets.UTF_8)) {
            return TagCodeSeed.read(in);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--codes " + codes + ": cannot read: "
                    + IoReason.of(e));
        } catch (SeedFileException e) {
            throw new ParameterException(spec.commandLine(), "--codes " + codes + ": " + e.getMessage());
        }
    }
}
