package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code station simulate --protocol ntag_223_dna | mixed}: NTAG 223 DNA chips through the same batch summary. */
class Ntag223SimulateCommandTest {
    private static JsonNode batch(String protocol) throws Exception {
        CliRunner r = CliRunner.run("simulate", "--protocol", protocol, "--count", "120", "--defect-rate", "0.4",
                "--seed", "42", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("simulate: 120/120 chips"), "progress on stderr");
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertEquals(120, s.get("count").asInt());
        assertEquals(120, s.get("encoded").asInt() + s.get("failed").asInt());
        assertEquals(0, s.get("unexpected").asInt());
        assertEquals(s.get("encoded").asInt(), s.get("verified_valid").asInt());
        assertEquals(0, s.get("verified_invalid").asInt());
        JsonNode reasons = s.get("failed_by_reason");
        assertTrue(reasons.has("counterfeit") && reasons.has("not_blank") && reasons.has("tag_lost"), reasons.toString());
        assertTrue(s.get("resumed").asInt() > 0, "torn chips were resumed");
        return s;
    }

    @Test
    void ntag223BatchEndsAsItsDefectsPredict() throws Exception {
        JsonNode s = batch("ntag_223_dna");
        assertTrue(s.has("key_set_version") && s.has("chips_per_second"), "summary keeps its shape");
    }

    @Test
    void mixedBatchEndsAsItsDefectsPredict() throws Exception {
        batch("mixed");
    }

    @Test
    void textSummaryAndUnknownProtocol() {
        CliRunner r = CliRunner.run("simulate", "--protocol", "ntag_223_dna", "--count", "4", "--defect-rate", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Encoded:          4"), r.out());
        CliRunner bad = CliRunner.run("simulate", "--protocol", "mifare");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("ntag_223_dna"), bad.err());
    }
}
