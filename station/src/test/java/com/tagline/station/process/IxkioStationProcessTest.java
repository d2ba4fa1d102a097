package com.tagline.station.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, ixkio in production: {@code station run} in a process of its own, {@code platform.kind: ixkio},
 * against {@code simulator.jar ixkio} and {@code simulator.jar pn532} over a socat pty, chips placed and
 * removed on the bench as an operator does. Every configured code ends Active and Assigned at the emulator.
 */
class IxkioStationProcessTest {
    private static final List<String> UIDS = List.of("04A1B2C3D4E501", "04A1B2C3D4E502", "04A1B2C3D4E503");

    @TempDir
    Path dir;

    @Test
    void stationRunEncodesTheManifestAndPatchesEveryConfiguredCode() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat makes the reader's pty (.ci/run installs it)");
        try (Bench bench = new Bench(dir)) {
            Files.writeString(dir.resolve("codes.csv"), "xuid,cuid,url\nXA,CA,https://group.example/a\n"
                    + "XB,CB,https://group.example/b\nXC,CC,https://group.example/c\n");
            Files.writeString(dir.resolve("batch-1.csv"), "xuid,url,protocol,ix_dr\n"
                    + "XA,https://brand.example/a,ntag_424_dna,https://brand.example/p/a\n"
                    + "XB,https://brand.example/b,ntag_424_dna,\nXC,https://brand.example/c,ntag_424_dna,\n");
            JavaProcess ixkio = bench.simulator("ixkio", "ixkio", "--port", "0", "--api-key", Bench.TOKEN, "--codes",
                    dir.resolve("codes.csv").toString());
            String base = Bench.address(ixkio);
            JavaProcess reader = bench.simulator("pn532", "pn532", "--link", dir.resolve("pn532").toString());
            JavaProcess station = bench.station("station", """
                    station: ixkio-bench
                    data_dir: data
                    keys:
                      file: keys.yaml
                    platform:
                      kind: ixkio
                      base_url: %s
                      api_key_file: bench.token
                      manifest: batch-1.csv
                    reader:
                      link: %s
                    line:
                      mode: hand-fed
                    """.formatted(base, Bench.address(reader)) + Bench.TRUST);
            for (String uid : UIDS) {
                int mark = station.mark();
                reader.send("add ntag_424_dna:" + uid);
                String chip = station.awaitLine(mark, l -> l.contains("event=chip") && l.contains("uid=" + uid),
                        Duration.ofSeconds(60));
                assertTrue(chip.contains("outcome=configured"), chip);
                reader.send("remove " + uid);
            }
            station.send("stop");
            assertEquals(0, station.awaitExit(Duration.ofSeconds(60)), String.join("\n", station.lines()));

            JsonNode state = Bench.state(base);
            assertEquals(3, state.path("counts").path("active").asInt(), state.toString());
            assertEquals(3, state.path("counts").path("assigned").asInt(), state.toString());
            for (JsonNode code : state.path("tag_codes")) {
                assertEquals("Active", code.path("status").asText(), code.toString());
                assertTrue(code.path("assigned").asBoolean(), code.toString());
            }
            assertEquals("https://brand.example/p/a", code(state, "XA").path("response").asText(),
                    "the manifest's ix_dr went out with the activation");
            assertEquals(0, state.path("counts").path("unauthorized").asInt());
            assertFalse(String.join("\n", station.lines()).contains(Bench.TOKEN), "the token is never logged");
        }
    }

    private static JsonNode code(JsonNode state, String xuid) {
        for (JsonNode c : state.path("tag_codes")) {
            if (c.path("xuid").asText().equals(xuid)) {
                return c;
            }
        }
        throw new AssertionError("no tag code " + xuid + " in " + state);
    }
}
