package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code station simulate}: the README's main command, end to end in-process. */
class SimulateCommandTest {
    @Test
    void everyChipEndsAsItsDefectPredictsAndEveryConfiguredChipVerifies() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--count", "120", "--defect-rate", "0.4", "--seed", "42", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertEquals(120, s.get("count").asInt());
        assertEquals(120, s.get("encoded").asInt() + s.get("failed").asInt());
        assertEquals(0, s.get("unexpected").asInt());
        assertEquals(s.get("encoded").asInt(), s.get("verified_valid").asInt());
        assertEquals(0, s.get("verified_invalid").asInt());
        JsonNode reasons = s.get("failed_by_reason");
        assertTrue(reasons.has("counterfeit") && reasons.has("not_blank") && reasons.has("tag_lost"), reasons.toString());
        assertTrue(s.get("resumed").asInt() > 0, "torn chips were resumed");
        // On the simulated conveyor the gate pushes off exactly the items whose chip failed.
        assertEquals(s.get("failed").asInt(), s.get("rejected").asInt());
        assertEquals(0, s.get("rejected_mismatch").asInt());
        assertEquals(0, s.get("items_not_out").asInt());
        assertTrue(r.err().contains("simulate: 120/120 chips"), "progress on stderr");
    }

    @Test
    void handFedBenchModeHasNoGate() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--count", "10", "--defect-rate", "0.5", "--hand-fed", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertEquals(10, s.get("encoded").asInt() + s.get("failed").asInt());
        assertTrue(!s.has("rejected"), "no conveyor, no reject gate");
    }

    @Test
    void textSummaryByDefault() {
        CliRunner r = CliRunner.run("simulate", "--count", "5", "--defect-rate", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Encoded:          5"), r.out());
        assertTrue(r.out().contains("Rejected (gate):  0, exactly the failed chips"), r.out());
    }

    @Test
    void usesAKeyFileAndRefusesAnUnsafeOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path keys = dir.resolve("keys.yaml");
        java.nio.file.Files.copy(java.nio.file.Path.of("..", "configs", "keys.example.yaml"), keys);
        java.nio.file.Files.setPosixFilePermissions(keys, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        CliRunner ok = CliRunner.run("simulate", "--count", "3", "--defect-rate", "0", "--keys", keys.toString(), "--json");
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(1, new ObjectMapper().readTree(ok.out()).get("key_set_version").asInt());
        java.nio.file.Files.setPosixFilePermissions(keys, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        CliRunner unsafe = CliRunner.run("simulate", "--count", "3", "--keys", keys.toString());
        assertEquals(2, unsafe.exit());
        assertTrue(unsafe.err().contains("chmod 600"), unsafe.err());
    }

    @Test
    void badOptionsExitTwo() {
        assertEquals(2, CliRunner.run("simulate", "--defect-rate", "1.5").exit());
        assertEquals(2, CliRunner.run("simulate", "--count", "0").exit());
        CliRunner badTemplate = CliRunner.run("simulate", "--sun-template", "p={picc}");
        assertEquals(2, badTemplate.exit());
        assertTrue(badTemplate.err().contains("{mac}"), badTemplate.err());
    }
}
