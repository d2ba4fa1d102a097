package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tagline.simulator.cli.Pn532Server;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's libnfc 1.8.0 {@code nfc-list -t 1} against the emulator over a real socat pty (pn532.md §6), with
 * an NTAG 424 DNA and a Type 2 chip in the field. Skipped where nfc-list (libnfc-bin) or socat is missing.
 */
class LibnfcConformanceTest {
    private static final Duration NFC_LIST_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern COMMAND_TX = Pattern.compile("TX: 00 00 ff (?:ff ff )?[0-9a-f]{2} [0-9a-f]{2} d4 (.*) [0-9a-f]{2} 00 $",
            Pattern.MULTILINE);
    /** pn532.md §6 with a second tag: one more InListPassiveTarget/InDeselect pair than the 19-frame trace. */
    private static final List<String> EXPECTED_COMMANDS = List.of("14 01", "00 00 6c 69 62 6e 66 63", "02", "12 14",
            "06 63 02 63 03 63 0d 63 38 63 3d", "08 63 02 80 63 03 80", "32 01 00", "32 01 01", "32 05 ff ff ff",
            "06 63 02 63 03 63 05 63 38 63 3c 63 3d", "08 63 05 40 63 3c 10", "32 05 00 01 02", "4a 01 00", "44 00",
            "4a 01 00", "44 00", "4a 01 00", "32 05 ff ff ff", "52 00", "32 01 00", "16 f0");

    @TempDir
    Path dir;

    @Test
    void nfcListFindsBothChipsWithTheirUidAtqaSakAndAts() throws Exception {
        assumeTrue(onPath("nfc-list") && onPath("socat"), "nfc-list (libnfc-bin) and socat are needed");
        SimulatedNtag424 ntag424 = SimulatedNtag424.builder().uid(ScriptedHost.hex("04A1B2C3D4E5F6")).build();
        Type2TestChip type2 = new Type2TestChip("04112233445566");
        try (Pn532Server server = Pn532Server.start(dir.resolve("nfc0"), List.of(new Ntag424FieldChip(ntag424), type2))) {
            Run first = nfcList(server.link());
            assertEquals(0, first.exit(), first.stderr());
            String out = first.stdout();
            assertTrue(out.contains("2 ISO14443A passive target(s) found:"), out);
            assertTrue(out.contains("""
                        ATQA (SENS_RES): 03  44 \s
                           UID (NFCID1): 04  a1  b2  c3  d4  e5  f6 \s
                          SAK (SEL_RES): 20 \s
                                    ATS: 77  77  71  02  80 \s
                    """), out);
            assertTrue(out.contains("""
                        ATQA (SENS_RES): 00  44 \s
                           UID (NFCID1): 04  11  22  33  44  55  66 \s
                          SAK (SEL_RES): 00 \s
                    """), out);
            assertEquals(EXPECTED_COMMANDS, commands(first.stderr()));

            Run second = nfcList(server.link()); // the reader kept its registers: no WriteRegister this time
            assertEquals(0, second.exit(), second.stderr());
            assertTrue(second.stdout().contains("2 ISO14443A passive target(s) found:"), second.stdout());
            List<String> expectedAgain = new ArrayList<>(EXPECTED_COMMANDS);
            expectedAgain.removeIf(c -> c.startsWith("08 "));
            assertEquals(expectedAgain, commands(second.stderr()));
        }
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    private Run nfcList(Path link) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "nfc-list", ".out");
        Path err = Files.createTempFile(dir, "nfc-list", ".err");
        ProcessBuilder pb = new ProcessBuilder("nfc-list", "-t", "1")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("LIBNFC_DEVICE", "pn532_uart:" + link);
        pb.environment().put("LIBNFC_AUTO_SCAN", "false");
        pb.environment().put("LIBNFC_LOG_LEVEL", "3");
        Process p = pb.start();
        if (!p.waitFor(NFC_LIST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError("nfc-list did not finish within " + NFC_LIST_TIMEOUT + ": " + Files.readString(err));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The PD bytes of each command frame libnfc logged at level 3 ("TX: 00 00 ff LEN LCS d4 PD… DCS 00"). */
    private static List<String> commands(String log) {
        List<String> out = new ArrayList<>();
        Matcher m = COMMAND_TX.matcher(log);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
