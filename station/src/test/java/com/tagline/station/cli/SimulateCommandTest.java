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

    @Test
    void aUrlBaseThatIsNotAUrlIsRefusedBeforeAnyChip() {
        CliRunner r = CliRunner.run("simulate", "--url-base", "notaurl");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--url-base 'notaurl' is refused"), r.err());
        assertTrue(r.out().isEmpty(), "no chip was encoded: " + r.out());
    }

    @Test
    void aDataDirectoryOfAnEarlierRunIsRefusedWithOneLineNamingIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path data = dir.resolve("sim");
        assertEquals(0, CliRunner.run("simulate", "--count", "3", "--defect-rate", "0", "--data-dir", data.toString()).exit());
        CliRunner again = CliRunner.run("simulate", "--count", "3", "--data-dir", data.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("already holds a station database"), again.err());
        assertEquals(1, again.err().strip().lines().count(), "one line, no stack trace: " + again.err());
    }

    @Test
    void anUnusableDataDirectoryIsOneLineNamingThePath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        CliRunner r = CliRunner.run("simulate", "--count", "3", "--data-dir", file.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(file + " is a file, not a directory"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void severalStationsShareOnePlatformAndNoTagIsConfiguredTwice() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--stations", "3", "--count", "30", "--defect-rate", "0.2", "--json");
        assertEquals(0, r.exit(), r.err());
        com.fasterxml.jackson.databind.JsonNode s = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(3, s.path("stations").asInt());
        assertEquals(0, s.path("cross_station_duplicates").asInt());
        assertEquals(0, s.path("chips_on_two_tags").asInt());
        int chips = 0;
        int encoded = 0;
        for (com.fasterxml.jackson.databind.JsonNode st : s.path("per_station")) {
            chips += st.path("chips").asInt();
            encoded += st.path("encoded").asInt();
        }
        assertEquals(30, chips);
        assertEquals(s.path("encoded").asInt(), encoded, "the stations add up to the batch");
        assertEquals(encoded, s.path("platform_configured").asInt());
    }

    /** Issue 13, goal 5: the line's cycle under the timing models, and what it is made of. */
    @Test
    void timingReportsChipsPerHourPerHeadAndTheLargestPartOfTheCycle() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--timing", "--count", "12", "--defect-rate", "0", "--json");
        assertEquals(0, r.exit(), r.err());
        com.fasterxml.jackson.databind.JsonNode t = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out())
                .path("timing");
        assertEquals(921600, t.path("baud").asInt());
        double cycle = t.path("cycle_ms").asDouble();
        double parts = t.path("radio_ms").asDouble() + t.path("store_ms").asDouble() + t.path("index_ms").asDouble();
        assertEquals(cycle, parts, 0.5, "the parts add up to the cycle: " + t);
        assertEquals(30.0, t.path("store_ms").asDouble(), 1.0, "3 fsyncs per chip at 10 ms each: " + t);
        assertTrue(t.path("radio_ms").asDouble() > 20, "the datasheet model times the radio: " + t);
        assertEquals(Math.round(3_600_000 / cycle), t.path("chips_per_hour_per_head").asLong(), 2.0);
        assertTrue(java.util.Set.of("conveyor index", "radio (PN532 and chip)", "store (fsyncs)")
                .contains(t.path("largest").asText()), t.toString());
        assertEquals(2, CliRunner.run("simulate", "--timing", "--hand-fed").exit(), "a bench has no line cycle");
    }

    /**
     * The conveyor's index is the pitch's travel time: 60 mm at 300 mm/s is 200 ms (300 ms on the standard belt).
     * The line's travel limits follow the belt, so the gate still rejects exactly the failed chips.
     */
    @Test
    void aFasterBeltShortensTheIndexAndTheGateStillRejectsExactlyTheFailedChips() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--timing", "--belt-mm-s", "300", "--count", "30", "--defect-rate", "0.3",
                "--json");
        assertEquals(0, r.exit(), r.err());
        com.fasterxml.jackson.databind.JsonNode s = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        com.fasterxml.jackson.databind.JsonNode t = s.path("timing");
        assertEquals(300, t.path("belt_mm_s").asInt());
        assertEquals(200.0, t.path("index_ms").asDouble(), 5.0, "60 mm at 300 mm/s (300 ms at 200 mm/s): " + t);
        assertTrue(s.path("failed").asInt() > 0, s.toString());
        assertEquals(s.path("failed").asInt(), s.path("rejected").asInt(), s.toString());
        assertEquals(0, s.path("rejected_mismatch").asInt(), s.toString());
        assertEquals(0, s.path("items_not_out").asInt(), s.toString());
        CliRunner tooFast = CliRunner.run("simulate", "--timing", "--belt-mm-s", "700");
        assertEquals(2, tooFast.exit());
        assertTrue(tooFast.err().contains("--belt-mm-s must be 50..600, got 700"), tooFast.err());
    }
}
