package com.tagline.simulator.outside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm {@code pn532} library (techniq/node-pn532 1.0.0, HSU through {@code serialport} 12) writes an NDEF
 * message to the NTAG 223 DNA in the emulator's field and reads it back (src/test/node/ndef-write-read.js);
 * libnfc's pn53x-tamashell then reads the same pages. .ci/run installs the node packages with {@code npm ci};
 * without them this test runs {@code npm ci} itself and is skipped, with the reason printed, when the npm
 * registry cannot be reached.
 */
class NpmPn532ClientTest {
    private static final Path NODE_PROJECT = Path.of("src", "test", "node").toAbsolutePath();
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** NDEF message: one URI record, prefix 04 "https://" + "tagline.example/t/1" (NFC Forum RTD URI 1.0). */
    private static final String NDEF = "D101145504" + hexOf("tagline.example/t/1");

    @TempDir
    Path dir;

    @Test
    void writesAndReadsTheNtag223NdefMessage() throws Exception {
        assumeTrue(Tools.onPath("node", "npm", "socat", "pn53x-tamashell"),
                "node, npm, socat and libnfc-pn53x-examples are needed (.ci/run installs them)");
        requireNodeModules();
        try (EmulatorProcess emulator = EmulatorProcess.start(dir, dir.resolve("nfc0"))) {
            emulator.add("ntag_223_dna:04112233445566");

            ToolRun r = ToolRun.run(NODE_PROJECT, dir, Map.of(), LIMIT,
                    List.of("node", "ndef-write-read.js", emulator.link().toString(), NDEF));

            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.stdout().contains("\"uid\":\"04:11:22:33:44:55:66\""), r.toString());
            assertTrue(r.stdout().contains("\"read\":\"" + NDEF.toLowerCase() + "\""), r.toString());
            // Another client sees the TLV the library wrote: 03 len message FE (NFC Forum T2T §2.3).
            Path script = Files.writeString(dir.resolve("read.cmd"), "4A 01 00\n40 01 30 04\n40 01 30 08\n");
            ToolRun read = ToolRun.run(dir, ToolRun.libnfc(emulator.link()), LIMIT,
                    List.of("pn53x-tamashell", script.toString()));
            String pages = read.stdout().lines().filter(l -> l.startsWith("Rx:")).skip(1)
                    .map(l -> l.substring(3).replaceAll("\\s+", "").substring(2)).reduce("", String::concat);
            assertTrue(pages.toUpperCase().startsWith(String.format("03%02X", NDEF.length() / 2) + NDEF + "FE"),
                    read.toString());
            assertEquals(List.of(), emulator.warningsAndErrors(), "the emulator logged warnings or errors");
        }
    }

    /** node_modules from .ci/run, else {@code npm ci} now; skipped with the reason when that fails. */
    private void requireNodeModules() throws Exception {
        if (Files.isDirectory(NODE_PROJECT.resolve("node_modules/pn532"))
                && Files.isDirectory(NODE_PROJECT.resolve("node_modules/serialport"))) {
            return;
        }
        ToolRun ci = ToolRun.run(NODE_PROJECT, dir, Map.of(), Duration.ofSeconds(180),
                List.of("npm", "ci", "--no-audit", "--no-fund"));
        if (ci.exit() != 0) {
            String reason = "npm ci failed (is the npm registry reachable?), the npm pn532 client test is skipped: "
                    + ci.stderr().lines().filter(l -> l.contains("error")).findFirst().orElse(ci.stderr().strip());
            System.out.println(reason);
            abort(reason);
        }
    }

    private static String hexOf(String ascii) {
        return java.util.HexFormat.of().withUpperCase().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
