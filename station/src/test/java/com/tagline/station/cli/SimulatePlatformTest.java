package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code station simulate} against the platform (issue 6): every outcome synced through a platform
 * outage, the platform's counts equal the station's, and the SQLite file is kept with --data-dir.
 */
class SimulatePlatformTest {
    @TempDir
    Path dir;

    @Test
    void anOutageMidRunLosesAndDuplicatesNothing() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--count", "60", "--defect-rate", "0.2", "--seed", "7",
                "--outage-at", "5", "--outage-for", "20", "--json", "--data-dir", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertTrue(s.get("went_offline").asBoolean(), "the outage happened while chips were encoded");
        assertTrue(s.get("outage").get("began").asBoolean(), s.get("outage").toString());
        assertEquals(5.0, s.get("outage").get("at_s").asDouble());
        int encoded = s.get("encoded").asInt();
        assertEquals(60, encoded + s.get("failed").asInt());
        assertEquals(encoded + s.get("tags_failed").asInt(), s.get("synced").asInt(), "every outcome synced");
        assertEquals(0, s.get("unsynced").asInt());
        assertEquals(encoded, s.get("platform_configured").asInt(), "the platform holds exactly our chips");
        assertEquals(0, s.get("duplicates").asInt());
        assertEquals(0, s.get("conflicts").asInt());
        assertEquals(encoded, s.get("verified_valid").asInt(), "every scan verified by the platform");
        assertEquals(s.get("failed").asInt(), s.get("rejected").asInt());
        assertTrue(Files.size(dir.resolve("station.db")) > 0, "--data-dir keeps the store");
    }

    /** An outage scheduled after the run's end never happens, and the summary says so instead of passing for one. */
    @Test
    void anOutageTheRunNeverReachesIsSaidToHaveNotHappened() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--count", "20", "--outage-at", "500", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode outage = new ObjectMapper().readTree(r.out()).get("outage");
        assertEquals(false, outage.get("began").asBoolean(), outage.toString());
        assertEquals(500.0, outage.get("at_s").asDouble());
        assertTrue(outage.get("run_s").asDouble() > 0 && outage.get("run_s").asDouble() < 500, outage.toString());
        assertTrue(r.err().contains("simulate: the platform never went offline: the run ended after "), r.err());
        assertTrue(r.err().contains(" s of virtual time, before --outage-at 500 s"), r.err());

        CliRunner text = CliRunner.run("simulate", "--count", "20", "--outage-at", "500");
        assertTrue(text.out().contains("Outage:           none: --outage-at 500.0 s was never reached, the run ended"
                + " after "), text.out());
    }

    @Test
    void badOutageOptionsAreUsageErrors() {
        CliRunner r = CliRunner.run("simulate", "--outage-at", "-1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--outage-at and --outage-for must not be negative"), r.err());
    }
}
