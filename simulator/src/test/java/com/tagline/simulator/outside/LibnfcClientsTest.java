package com.tagline.simulator.outside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tagline.simulator.ntag223.SimulatedNtag223;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's libnfc 1.8.0 tools (libnfc-bin, libnfc-examples, libnfc-pn53x-examples) against {@code simulator pn532}
 * over a socat pty, each under a time limit so that a hang fails: nfc-list, nfc-scan-device, pn53x-diagnose,
 * nfc-mfultralight, nfc-anticol, nfc-poll with a removal, and pn53x-tamashell scripts (issue 16). The emulator
 * must log no WARN or ERROR line. Skipped where the tools or socat are missing (.ci/run installs them).
 */
class LibnfcClientsTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String NTAG424 = "ntag_424_dna:04A1B2C3D4E5F6";
    private static final String NTAG223 = "ntag_223_dna:04112233445566";
    private static final String NTAG223_UID = "04112233445566";

    @TempDir
    static Path dir;
    private static EmulatorProcess emulator;

    @BeforeAll
    static void startEmulator() throws Exception {
        assumeTrue(Tools.onPath("socat", "nfc-list", "nfc-scan-device", "nfc-mfultralight", "nfc-anticol", "nfc-poll",
                "pn53x-diagnose", "pn53x-tamashell"), "socat, libnfc-bin, libnfc-examples and libnfc-pn53x-examples"
                + " are needed (.ci/run installs them)");
        emulator = EmulatorProcess.start(dir, dir.resolve("nfc0"));
    }

    @AfterEach
    void emptyFieldAndQuietLog() throws Exception {
        emulator.clearField();
        assertEquals(List.of(), emulator.warningsAndErrors(), "the emulator logged warnings or errors");
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static ToolRun libnfc(String... command) throws Exception {
        return ToolRun.run(dir, ToolRun.libnfc(emulator.link()), LIMIT, List.of(command));
    }

    @Test
    void nfcListVerboseShowsBothChips() throws Exception {
        emulator.add(NTAG424);
        emulator.add(NTAG223);
        ToolRun r = libnfc("nfc-list", "-v");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("2 ISO14443A passive target(s) found:"), r.toString());
        assertTrue(r.stdout().contains("UID (NFCID1): 04  a1  b2  c3  d4  e5  f6"), r.stdout());
        assertTrue(r.stdout().contains("ATS: 77  77  71  02  80"), r.stdout());
        assertTrue(r.stdout().contains("UID (NFCID1): 04  11  22  33  44  55  66"), r.stdout());
        assertTrue(r.stdout().contains("0 ISO14443B passive target(s) found."), r.stdout());
    }

    @Test
    void aPartialFrameLeftOnThePtyDoesNotStopTheNextNfcList() throws Exception {
        emulator.add(NTAG223);
        // Issue 16 item 4: a host that wrote these 12 bytes and died left seven nfc-list runs failing.
        Files.write(emulator.link(), HexFormat.of().parseHex("5555000000000000FFFF01D4"));
        ToolRun r = libnfc("nfc-list", "-t", "1");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("1 ISO14443A passive target(s) found:"), r.toString());
    }

    @Test
    void nfcScanDeviceVerboseNamesThePn532() throws Exception {
        ToolRun r = libnfc("nfc-scan-device", "-v");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("pn532_uart:" + emulator.link()), r.stdout());
        assertTrue(r.stdout().contains("chip: PN532 v1.6"), r.stdout());
    }

    @Test
    void pn53xDiagnosePassesItsThreeTests() throws Exception {
        ToolRun r = libnfc("pn53x-diagnose");
        assertEquals(0, r.exit(), r.toString());
        for (String test : List.of("Communication line test: OK", "ROM test: OK", "RAM test: OK")) {
            assertTrue(r.stdout().contains(test), r.toString());
        }
    }

    @Test
    void nfcMfultralightReadsEveryPageOfTheNtag223() throws Exception {
        emulator.add(NTAG223);
        Path dump = dir.resolve("ntag223.mfd");
        ToolRun r = libnfc("nfc-mfultralight", "r", dump.toString());
        assertEquals(0, r.exit(), r.toString());
        // GET_VERSION storage size 0F: libnfc 1.8.0 takes it for an NTAG213 and reads its 45 pages.
        assertTrue(r.stdout().contains("Done, 45 of 45 pages read (0 pages failed)."), r.toString());
        SimulatedNtag223 delivered = SimulatedNtag223.builder().uid(HexFormat.of().parseHex(NTAG223_UID)).build();
        byte[] read = Files.readAllBytes(dump);
        for (int page = 0; page < 45; page++) {
            assertEquals(hex(delivered.page(page)), hex(java.util.Arrays.copyOfRange(read, page * 4, page * 4 + 4)),
                    "page " + page);
        }
        assertEquals("0411 22BF 3344 5566 4448 0000 E110 1200", spaced(java.util.Arrays.copyOf(read, 16)));
    }

    @Test
    void nfcAnticolSelectsTheNtag223() throws Exception {
        emulator.add(NTAG223);
        ToolRun r = libnfc("nfc-anticol");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("UID: 04112233445566"), r.toString());
        assertTrue(r.stdout().contains("ATQA: 0044"), r.stdout());
        assertTrue(r.stdout().contains("SAK: 00"), r.stdout());
    }

    @Test
    void nfcAnticolGetsTheNtag424Ats() throws Exception {
        emulator.add(NTAG424);
        ToolRun r = libnfc("nfc-anticol");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("UID: 04a1b2c3d4e5f6"), r.toString());
        assertTrue(r.stdout().contains("ATQA: 0344"), r.stdout());
        assertTrue(r.stdout().contains("SAK: 20"), r.stdout());
        assertTrue(r.stdout().contains("ATS: 06  77  77  71  02  80"), r.stdout()); // + CRC_A: the CRC is off
    }

    @Test
    void nfcPollSeesTheChipAndItsRemoval() throws Exception {
        emulator.add(NTAG223);
        Path out = dir.resolve("nfc-poll.out");
        ProcessBuilder pb = new ProcessBuilder("nfc-poll").redirectOutput(out.toFile())
                .redirectError(dir.resolve("nfc-poll.err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(ToolRun.libnfc(emulator.link()));
        Process poll = pb.start();
        try {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!Files.readString(out).contains("Waiting for card removing...")) {
                assertTrue(poll.isAlive() && System.nanoTime() < deadline, "nfc-poll: " + Files.readString(out));
                Thread.sleep(20); // polling its output with a deadline
            }
            assertTrue(Files.readString(out).contains("UID (NFCID1): 04  11  22  33  44  55  66"));
            emulator.remove(NTAG223_UID);
            assertTrue(poll.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS), "nfc-poll did not see the removal");
            assertEquals(0, poll.exitValue());
            assertTrue(Files.readString(out).contains("Waiting for card removing...done."), Files.readString(out));
        } finally {
            poll.destroyForcibly();
        }
    }

    @Test
    void tamashellSelectsTheNdefApplicationAndReadsTheCcFileOfTheNtag424() throws Exception {
        emulator.add(NTAG424);
        List<String> rx = tamashell("4A 01 00", "40 01 00 A4 04 00 07 D2 76 00 00 85 01 01 00",
                "40 01 00 A4 00 0C 02 E1 03", "40 01 00 B0 00 00 0F");
        assertEquals(List.of("01 01 03 44 20 07 04 A1 B2 C3 D4 E5 F6 06 77 77 71 02 80", "00 90 00", "00 90 00",
                // factory CC file (ntag424.md §1): CCLEN 0017, T4T 2.0, MLe 0100, MLc 00FF, NDEF file E104 of 256 B
                "00 00 17 20 01 00 00 FF 04 06 E1 04 01 00 00 00 90 00"), rx);
    }

    @Test
    void tamashellReadsPageZeroOfTheNtag223() throws Exception {
        emulator.add(NTAG223);
        List<String> rx = tamashell("4A 01 00", "40 01 30 00");
        assertEquals(List.of("01 01 00 44 00 07 04 11 22 33 44 55 66",
                "00 04 11 22 BF 33 44 55 66 44 48 00 00 E1 10 12 00"), rx);
    }

    @Test
    void tamashellSendsRatsAndAnIBlockItFramedItself() throws Exception {
        emulator.add(NTAG424);
        List<String> rx = tamashell("12 00", "4A 01 00", "42 E0 80", "42 02 00 A4 04 00 07 D2 76 00 00 85 01 01 00",
                "42 C2", "12 14");
        assertEquals(List.of("", "01 01 03 44 20 07 04 A1 B2 C3 D4 E5 F6", "00 06 77 77 71 02 80", "00 02 90 00",
                "00 C2", ""), rx);
    }

    @Test
    void tamashellSendsARawReqa() throws Exception {
        emulator.add(NTAG223);
        List<String> rx = tamashell("08 63 02 00 63 03 00 63 3D 07", "42 26", "08 63 02 80 63 03 80 63 3D 00");
        assertEquals(List.of("", "00 44 00", ""), rx);
    }

    /** Runs a pn53x-tamashell script; returns each Rx line, bytes upper case and single-spaced. */
    private static List<String> tamashell(String... commands) throws Exception {
        Path script = Files.createTempFile(dir, "tamashell", ".cmd");
        Files.writeString(script, String.join("\n", commands) + "\n");
        ToolRun r = libnfc("pn53x-tamashell", script.toString());
        assertEquals(0, r.exit(), r.toString());
        List<String> rx = new ArrayList<>();
        for (String line : r.stdout().lines().toList()) {
            if (line.startsWith("Rx:")) {
                rx.add(String.join(" ", line.substring(3).trim().split("\\s+")).toUpperCase(Locale.ROOT));
            }
        }
        assertEquals(commands.length, rx.size(), r.toString());
        return rx;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    private static String spaced(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i += 2) {
            sb.append(i == 0 ? "" : " ").append(hex(java.util.Arrays.copyOfRange(b, i, i + 2)));
        }
        return sb.toString();
    }
}
