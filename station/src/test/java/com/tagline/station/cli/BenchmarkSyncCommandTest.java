package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.platform.tagbase.TagbaseEmulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulatorConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @TempDir
    Path dir;

    /** {@code --platform}: an emulator another process would serve; here one in this JVM on a loopback port. */
    @Test
    void anExternalEmulatorIsCheckedThenDrainedAndItsOrdinaryMistakesAreOneLineEach() throws Exception {
        String key = "sk_bench_external_0123456789";
        Path keyFile = Files.writeString(dir.resolve("bench.token"), key + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Path wrongKey = Files.writeString(dir.resolve("wrong.token"), "sk_wrong_0123456789\n");
        try (TagbaseEmulator emulator = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(key).withPort(0))) {
            emulator.seedTags(key, 30, ChipProtocol.NTAG_424_DNA, "https://tags.example.com/t");
            String url = emulator.baseUrl();

            CliRunner tooFew = sync(url, keyFile, "40");
            assertOneLine(2, "benchmark sync: the emulator at " + url + " has 30 pending tags to lease, not 40: start it"
                    + " with --seed-tags 40 --protocol ntag_424_dna, or ask for --backlog 30", tooFew);
            assertOneLine(2, "benchmark sync: the emulator at " + url + " refused the API key in " + wrongKey
                    + " (HTTP 401): give the file it was started with", sync(url, wrongKey, "10"));

            CliRunner ok = sync(url, keyFile, "20");
            assertEquals(0, ok.exit(), ok.err());
            assertTrue(ok.err().contains("benchmark sync: checking that the emulator at " + url + " has 20 pending tags"
                    + " to lease"), "no 'seeding' when it only checks: " + ok.err());
            assertTrue(ok.out().contains("the emulator runs in another process"), ok.out());
        }
        assertOneLine(2, "benchmark sync: --platform: platform base URL must be http(s)://host[:port][/path], was ftp:/x",
                sync("ftp:/x", keyFile, "10"));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRunner down = sync("http://127.0.0.1:" + closed, keyFile, "10");
        assertEquals(1, down.exit(), down.err());
        List<String> lines = down.err().lines().filter(l -> !l.startsWith("benchmark sync: checking")).toList();
        assertEquals(1, lines.size(), down.err());
        assertTrue(lines.get(0).startsWith("benchmark sync: the emulator at http://127.0.0.1:" + closed
                + " does not answer (GET http://127.0.0.1:" + closed + "/_emulator/state: ConnectException"), lines.get(0));
        assertTrue(lines.get(0).endsWith("start it with: java -jar simulator.jar platform --port PORT --api-key-file "
                + keyFile + " --seed-tags 10 --protocol ntag_424_dna"), lines.get(0));
    }

    private static CliRunner sync(String url, Path keyFile, String backlog) {
        return CliRunner.run("benchmark", "sync", "--platform", url, "--api-key-file", keyFile.toString(), "--backlog",
                backlog, "--batch", "10");
    }

    /** The exit code and the one line that says what is wrong (after the progress line), no stack trace. */
    private static void assertOneLine(int exit, String line, CliRunner r) {
        assertEquals(exit, r.exit(), r.err());
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("benchmark sync: checking")).toList();
        assertEquals(List.of(line), lines, r.err());
    }

    @Test
    void badOptionsExitTwo() {
        assertEquals(2, CliRunner.run("benchmark", "sync", "--batch", "501").exit());
        assertEquals(2, CliRunner.run("benchmark", "sync", "--backlog", "0").exit());
        assertEquals(2, CliRunner.run("benchmark", "sync", "--build", "fast").exit());
        assertEquals(2, CliRunner.run("benchmark", "sync", "--failed-percent", "101").exit());
    }
}
