package com.tagline.simulator.cli;

import com.tagline.simulator.field.FieldChip;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.pn532.Pn532Counters;
import com.tagline.simulator.pn532.Pn532Emulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code simulator pn532 --link PATH [--chip KIND:UIDHEX]...}: serves a PN532 emulator on a pty until SIGTERM,
 * SIGINT or end of a piped stdin. Prints PATH on stdout once the emulator is ready.
 */
@Command(name = "pn532", mixinStandardHelpOptions = true,
        description = {"Serves an emulated PN532 (HSU, 115200 baud) on a pty made by socat.",
            "Prints the pty path once ready; stops on SIGTERM/SIGINT or when a piped stdin ends.",
            "Piped stdin lines: 'add KIND:UIDHEX', 'remove UIDHEX', 'list', 'counters',",
            "and line faults: " + FaultControl.USAGE + "."})
final class Pn532Command implements Callable<Integer> {
    private static final Duration HEALTH_PERIOD = Duration.ofMillis(500);
    private static final Duration CLEANUP_GRACE = Duration.ofSeconds(10);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Spec
    private CommandSpec spec;

    @Option(names = "--link", required = true, paramLabel = "PATH",
            description = "Where the host's end of the pty appears (no ':'; e.g. LIBNFC_DEVICE=pn532_uart:PATH).")
    private Path link;

    @Option(names = "--chip", paramLabel = "KIND:UIDHEX", converter = ChipSpecConverter.class,
            description = "A chip in the field, in order; KIND is ntag_424_dna or ntag_223_dna, UID 7 bytes hex.")
    private List<ChipSpec> chips = new ArrayList<>();

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "warn",
            description = "error, warn, info, debug or trace (frames); logs go to stderr. Default: ${DEFAULT-VALUE}.")
    private String logLevel;

    @Override
    public Integer call() throws IOException, InterruptedException {
        configureLogging();
        checkLink();
        List<FieldChip> fieldChips = chips.stream().map(Pn532Command::fieldChip).toList();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch cleanedUp = new CountDownLatch(1);
        Thread hook = new Thread(() -> awaitCleanup(stop, cleanedUp), "pn532-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int exit = 0;
        try (Pn532Server server = Pn532Server.start(link, fieldChips)) {
            out.println(server.link());
            out.flush();
            if (StdinControl.stdinIsControlChannel()) {
                new StdinControl(System.in, System.out, line -> control(server.emulator(), line, out), stop::countDown)
                        .start();
            }
            while (!stop.await(HEALTH_PERIOD.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!server.healthy()) {
                    spec.commandLine().getErr().println("error: the pty or the emulator ended unexpectedly");
                    exit = 1;
                    break;
                }
            }
        } finally {
            cleanedUp.countDown();
            removeHook(hook);
        }
        return exit;
    }

    /** A chip of {@code spec}'s kind and UID in its delivery state. */
    static FieldChip fieldChip(ChipSpec spec) {
        return switch (spec.kind()) {
            case NTAG_424_DNA -> new Ntag424FieldChip(SimulatedNtag424.builder().uid(spec.uid()).build());
            case NTAG_223_DNA -> SimulatedNtag223.builder().uid(spec.uid()).build();
        };
    }

    /** One stdin control line; answers one line on {@code out}. */
    static void control(Pn532Emulator emulator, String line, PrintWriter out) {
        String[] words = line.split("\\s+");
        try {
            switch (words[0]) {
                case "add" -> out.println("added " + add(emulator, argument(words)));
                case "remove" -> out.println("removed " + remove(emulator, argument(words)));
                case "list" -> emulator.chips().forEach(c -> out.println(describe(c)));
                case "counters" -> out.println(describe(emulator.counters()));
                case "fault" -> out.println(FaultControl.apply(emulator.faults(), words));
                default -> out.println("error: unknown command '" + words[0] + "' (add, remove, list, counters, fault)");
            }
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
        }
        out.flush();
    }

    private static String argument(String[] words) {
        if (words.length != 2) {
            throw new IllegalArgumentException("'" + words[0] + "' takes one argument");
        }
        return words[1];
    }

    private static ChipSpec add(Pn532Emulator emulator, String text) {
        ChipSpec c = ChipSpec.parse(text);
        emulator.addChip(fieldChip(c));
        return c;
    }

    private static String remove(Pn532Emulator emulator, String uidHex) {
        for (FieldChip c : emulator.chips()) {
            if (HEX.formatHex(c.uid()).equalsIgnoreCase(uidHex) && emulator.removeChip(c)) {
                return HEX.formatHex(c.uid());
            }
        }
        throw new IllegalArgumentException("no chip with UID " + uidHex + " in the field");
    }

    private static String describe(FieldChip c) {
        return String.format("%s ATQA %04X SAK %02X ATS %s", HEX.formatHex(c.uid()), c.atqa(), c.sak(),
                c.ats().length == 0 ? "-" : HEX.formatHex(c.ats()));
    }

    private static String describe(Pn532Counters c) {
        return "exchanges " + c.exchanges() + " rf " + c.rfExchanges() + " in " + c.bytesFromHost() + " out "
                + c.bytesToHost() + " modeled " + c.modeledTime();
    }

    private void checkLink() {
        if (link.toString().contains(":") || link.toString().contains(",")) {
            throw new ParameterException(spec.commandLine(), "--link " + link
                    + ": the path must not contain ':' (libnfc connstring) or ',' (socat address)");
        }
        Path parent = link.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new ParameterException(spec.commandLine(), "--link " + link + ": directory " + parent
                    + " does not exist");
        }
        try {
            PtyPair.refuseLiveLink(link.toAbsolutePath());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--link " + e.getMessage());
        }
    }

    private void configureLogging() {
        List<String> levels = Arrays.asList("error", "warn", "info", "debug", "trace");
        if (!levels.contains(logLevel)) {
            throw new ParameterException(spec.commandLine(), "--log-level must be one of " + levels);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", logLevel);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }

    /** SIGTERM/SIGINT: ask the serving thread to stop and give it time to end socat. */
    private static void awaitCleanup(CountDownLatch stop, CountDownLatch cleanedUp) {
        stop.countDown();
        try {
            cleanedUp.await(CLEANUP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and ends by itself
        }
    }

    /** picocli converter for {@code --chip}; a bad kind or UID becomes a usage error (exit 2). */
    static final class ChipSpecConverter implements ITypeConverter<ChipSpec> {
        @Override
        public ChipSpec convert(String value) {
            try {
                return ChipSpec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
