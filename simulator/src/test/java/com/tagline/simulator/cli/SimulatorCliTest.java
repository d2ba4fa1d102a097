package com.tagline.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.serial.PipeSerialLink;
import com.tagline.simulator.pn532.Pn532Emulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Usage errors exit 2 before any pty is made; stdin control lines act on the emulator. */
class SimulatorCliTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SimulatorCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void badUidIsAUsageError() {
        assertEquals(2, run("pn532", "--link", dir.resolve("nfc0").toString(), "--chip", "ntag_424_dna:0411"));
        assertTrue(err.toString().contains("ntag_424_dna UID must be 7 bytes"), err.toString());
    }

    @Test
    void badHexIsAUsageError() {
        assertEquals(2, run("pn532", "--link", dir.resolve("nfc0").toString(), "--chip", "ntag_424_dna:04XX2233445566"));
        assertTrue(err.toString().contains("not an even number of hex digits"), err.toString());
    }

    @Test
    void unknownKindIsAUsageError() {
        assertEquals(2, run("pn532", "--link", dir.resolve("nfc0").toString(), "--chip", "ntag_215:04112233445566"));
        assertTrue(err.toString().contains("unknown chip kind 'ntag_215'"), err.toString());
    }

    @Test
    void linkMustBeUsableByLibnfcAndSocat() {
        assertEquals(2, run("pn532", "--link", dir.resolve("a:b").toString()));
        assertTrue(err.toString().contains("must not contain ':'"), err.toString());
        assertEquals(2, run("pn532", "--link", dir.resolve("missing/nfc0").toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }

    @Test
    void linkIsRequiredAndSoIsTheSubcommand() {
        assertEquals(2, run("pn532"));
        assertEquals(2, run());
        assertTrue(err.toString().contains("Missing required subcommand"), err.toString());
        assertTrue(err.toString().contains("ixkio     Serves the ixkio Management API emulator on 127.0.0.1."),
                "without a subcommand the usage lists them, each summary whole: " + err);
    }

    @Test
    void aUsageErrorIsOneLineAndAPointerToHelpNotTheWholeUsage() {
        assertEquals(2, run("ixkio", "--port", "0", "--api-key", "k", "--codes"));
        assertEquals(List.of("Missing required parameter for option '--codes' (FILE.csv)",
                "see 'simulator.jar ixkio --help'"), err.toString().lines().toList());
    }

    @Test
    void aMisspeltOptionIsNamedBeforeTheRequiredOnesItLeftMissing() {
        assertEquals(2, run("ixkio", "--prot", "0"));
        assertEquals(List.of("Unknown option: '--prot' (did you mean --port?)", "see 'simulator.jar ixkio --help'"),
                err.toString().lines().toList());
    }

    @Test
    void everySubcommandAnswersVersion() {
        for (String[] args : List.of(new String[] {"-V"}, new String[] {"pn532", "-V"}, new String[] {"ixkio", "--version"})) {
            StringWriter out = new StringWriter();
            CommandLine cli = SimulatorCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            assertEquals(0, cli.execute(args));
            assertEquals("Tagline simulator 0.1.0", out.toString().strip(), String.join(" ", args));
        }
    }

    @Test
    void controlLinesAddListAndRemoveChips() {
        Pn532Emulator emulator = new Pn532Emulator(PipeSerialLink.pair()[1]);
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out, true);
        Pn532Command.control(emulator, "add ntag_424_dna:04A1B2C3D4E5F6", w);
        Pn532Command.control(emulator, "list", w);
        Pn532Command.control(emulator, "add ntag_424_dna:04A1B2C3D4E5", w);
        Pn532Command.control(emulator, "remove 04a1b2c3d4e5f6", w);
        Pn532Command.control(emulator, "remove 04a1b2c3d4e5f6", w);
        Pn532Command.control(emulator, "add ntag_223_dna:04112233445566", w);
        Pn532Command.control(emulator, "list", w);
        Pn532Command.control(emulator, "remove 04112233445566", w);
        Pn532Command.control(emulator, "counters", w);
        Pn532Command.control(emulator, "fly", w);
        assertEquals(String.join(System.lineSeparator(),
                "added ntag_424_dna:04A1B2C3D4E5F6",
                "04A1B2C3D4E5F6 ATQA 0344 SAK 20 ATS 067777710280",
                "error: ntag_424_dna UID must be 7 bytes (14 hex digits), got 6",
                "removed 04A1B2C3D4E5F6",
                "error: no chip with UID 04a1b2c3d4e5f6 in the field",
                "added ntag_223_dna:04112233445566",
                "04112233445566 ATQA 0044 SAK 00 ATS -",
                "removed 04112233445566",
                "exchanges 0 rf 0 in 0 out 0 modeled PT0S",
                "error: unknown command 'fly' (add, remove, list, counters, fault)", ""), out.toString());
        assertTrue(emulator.chips().isEmpty());
    }

    @Test
    void faultLinesSetTheLineFaultsAndNameWhatIsWrong() {
        Pn532Emulator emulator = new Pn532Emulator(PipeSerialLink.pair()[1]);
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out, true);
        for (String line : List.of("fault noise 0.001 7", "fault lose-bytes 0.002", "fault lose-acks 2",
                "fault delay 40", "fault noise 2", "fault lose-acks -1", "fault warp", "fault", "fault clear x",
                "fault clear")) {
            Pn532Command.control(emulator, line, w);
        }
        String[] answers = out.toString().split(System.lineSeparator());
        assertEquals(List.of("fault noise 0.001 7", "fault lose-bytes 0.002", "fault lose-acks 2", "fault delay 40"),
                List.of(answers).subList(0, 4));
        assertTrue(answers[4].startsWith("error: fault noise: the probability must be a number 0..1, got '2'"), answers[4]);
        assertTrue(answers[5].startsWith("error: fault lose-acks: expected a whole number 0 or more"), answers[5]);
        assertTrue(answers[6].startsWith("error: unknown fault 'warp'; usage: fault noise P [SEED]"), answers[6]);
        assertTrue(answers[7].startsWith("error: usage: fault noise"), answers[7]);
        assertTrue(answers[8].startsWith("error: fault clear takes 0 arguments"), answers[8]);
        assertEquals("fault clear", answers[9]);
    }
}
