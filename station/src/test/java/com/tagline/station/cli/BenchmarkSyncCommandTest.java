package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code station benchmark sync}: the shape of its output and its end-state check, on a small
 * backlog. Speed is what the command reports, never what a test asserts.
 */
class BenchmarkSyncCommandTest {
    @Test
    void drainsTheWholeBacklogAndReportsOneJsonObject() throws Exception {
        CliRunner r = CliRunner.run("benchmark", "sync", "--backlog", "2000", "--batch", "500", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertEquals(2000, s.get("backlog").asInt());
        assertEquals(2000, s.get("configured").asInt() + s.get("failed").asInt());
        assertEquals(100, s.get("failed").asInt(), "5 % failed by default");
        assertEquals(2000, s.get("accepted").asInt());
        assertEquals(4, s.get("batches").asInt(), "2000 reports in batches of 500");
        assertTrue(s.get("outcomes_per_second").asDouble() > 0);
        assertTrue(s.get("drain_seconds").asDouble() > 0);
        assertTrue(s.get("build_seconds").asDouble() > 0);
        assertTrue(s.get("build_method").asText().startsWith("bulk"), s.toString());
        assertTrue(s.get("db_bytes_after_drain").asLong() + s.get("wal_bytes_after_drain").asLong() > 0);

        JsonNode mem = s.get("memory");
        assertTrue(mem.get("heap_peak_drain_bytes").asLong() > 0);
        assertTrue(mem.get("heap_live_end_bytes").asLong() > 0);
        assertTrue(mem.get("heap_max_bytes").asLong() >= mem.get("heap_live_end_bytes").asLong());
        assertTrue(mem.has("rss_peak_bytes") && mem.has("rss_end_bytes"));

        JsonNode end = s.get("end_state");
        assertTrue(end.get("ok").asBoolean(), end.toString());
        assertEquals(2000, end.get("platform_accepted").asInt());
        assertEquals(0, end.get("platform_reports").get("rejected").asInt());
        assertEquals(0, end.get("platform_reports").get("conflict").asInt());
        assertEquals(s.get("configured").asInt(), end.get("platform_configured_tags").asInt());
        assertEquals(0, end.get("store_unconfirmed").asInt());
        assertEquals(0, end.get("problems").size());
        assertTrue(r.err().contains("benchmark sync: drained 2000/2000"), "progress on stderr: " + r.err());
    }

    @Test
    void textByDefaultThroughTheOneByOneStoreApi() {
        CliRunner r = CliRunner.run("benchmark", "sync", "--backlog", "100", "--batch", "25", "--failed-percent", "10",
                "--build", "api");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("sync drain: 100 outcomes (90 configured, 10 failed)"), r.out());
        assertTrue(r.out().matches("(?s).*drain rate: +\\d+ outcomes/s.*"), r.out());
        assertTrue(r.out().contains("4 batches of up to 25"), r.out());
        assertTrue(r.out().contains("300 transactions (api:"), r.out());
        assertTrue(r.out().contains("process RSS:"), r.out());
        assertTrue(r.out().contains("store unconfirmed 0; alarms raised 0 -> OK"), r.out());
    }

    @Test
    void badOptionsExitTwo() {
        assertEquals(2, CliRunner.run("benchmark", "sync", "--batch", "501").exit());
        assertEquals(2, CliRunner.run("benchmark", "sync", "--backlog", "0").exit());
        assertEquals(2, CliRunner.run("benchmark", "sync", "--build", "fast").exit());
        assertEquals(2, CliRunner.run("benchmark", "sync", "--failed-percent", "101").exit());
    }
}
