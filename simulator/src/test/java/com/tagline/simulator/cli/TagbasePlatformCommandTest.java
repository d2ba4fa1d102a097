package com.tagline.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code simulator platform}: usage errors exit 2 naming the option, and a real run in a child JVM. */
class TagbasePlatformCommandTest {
    private static final String SECRET_KEY = "tb_cli_secret_key_1234";

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SimulatorCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    private void assertUsage(String expected, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(2, run(args), err.toString());
        assertTrue(err.toString().contains(expected), err.toString());
        assertFalse(err.toString().contains(SECRET_KEY), "the API key must never be printed");
        assertEquals("", out.toString());
    }

    @Test
    void usageErrorsNameTheBadOption() throws Exception {
        assertUsage("--api-key", "platform", "--port", "0");
        assertUsage("--port", "platform", "--api-key", SECRET_KEY);
        assertUsage("--port", "platform", "--port", "70000", "--api-key", SECRET_KEY);
        assertUsage("--port", "platform", "--port", "x", "--api-key", SECRET_KEY);
        assertUsage("--protocol", "platform", "--port", "0", "--api-key", SECRET_KEY, "--seed-tags", "3");
        assertUsage("--protocol", "platform", "--port", "0", "--api-key", SECRET_KEY, "--seed-tags", "3",
                "--protocol", "mifare");
        assertUsage("--seed-tags", "platform", "--port", "0", "--api-key", SECRET_KEY, "--seed-tags", "0",
                "--protocol", "ntag_424_dna");
        assertUsage("--webhook-secret", "platform", "--port", "0", "--api-key", SECRET_KEY,
                "--webhook-url", "http://127.0.0.1:9/h");
        assertUsage("--webhook-secret", "platform", "--port", "0", "--api-key", SECRET_KEY,
                "--webhook-url", "http://127.0.0.1:9/h", "--webhook-secret", "nope");
        assertUsage("--keys", "platform", "--port", "0", "--api-key", SECRET_KEY, "--keys",
                dir.resolve("missing.yaml").toString());
        Path open = Files.writeString(dir.resolve("keys.yaml"), "key_set_version: 1\n");
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertUsage("--keys", "platform", "--port", "0", "--api-key", SECRET_KEY, "--keys", open.toString());
        Path keyFile = Files.writeString(dir.resolve("bench.token"), SECRET_KEY + "\n");
        assertUsage("mutually exclusive", "platform", "--port", "0", "--api-key", SECRET_KEY, "--api-key-file",
                keyFile.toString());
        assertUsage("--api-key-file", "platform", "--port", "0", "--api-key-file",
                Files.writeString(dir.resolve("empty.token"), "\n").toString());
        assertUsage("--api-key-file", "platform", "--port", "0", "--api-key-file", dir.resolve("none").toString());
    }

    @Test
    void servesUntilStdinEndsAndPrintsOnlyTheBaseUrl() throws Exception {
        // The key from a file (--api-key-file): not in the process's arguments, which every user can read.
        Path keyFile = Files.writeString(dir.resolve("bench.token"), SECRET_KEY + "\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SimulatorCli.class.getName(), "platform", "--port", "0",
                "--api-key-file", keyFile.toString(), "--seed-tags", "2", "--protocol", "ntag_223_dna")
                .redirectErrorStream(true).start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String baseUrl = stdout.readLine();
            assertTrue(baseUrl != null && baseUrl.matches("http://127\\.0\\.0\\.1:\\d+"), String.valueOf(baseUrl));
            String cmdline = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline"));
            assertTrue(cmdline.contains("--api-key-file") && !cmdline.contains(SECRET_KEY), "ps shows the key");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> state = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/_emulator/state"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode s = new ObjectMapper().readTree(state.body());
            // RFC 9110 §6.6.1: an origin server with a clock sends Date (the station's doctor compares clocks).
            java.time.Instant date = java.time.ZonedDateTime.parse(state.headers().firstValue("date").orElseThrow(),
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertTrue(Math.abs(java.time.Duration.between(date, java.time.Instant.now()).toSeconds()) <= 2, date.toString());
            assertEquals(2, s.path("tags").path("created").asLong());
            HttpResponse<String> lease = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/encoding_leases"))
                    .header("Authorization", "Bearer " + SECRET_KEY)
                    .header("Content-Type", "application/vnd.api+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"type\":\"encoding_leases\",\"attributes\":"
                            + "{\"station\":\"line-1\",\"protocols\":[\"ntag_223_dna\"],\"max_tags\":5}}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, lease.statusCode(), lease.body());
            assertEquals(2, new ObjectMapper().readTree(lease.body()).path("included").size());
            p.getOutputStream().close();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the emulator did not stop at the end of stdin");
            assertEquals(0, p.exitValue());
            List<String> rest = stdout.lines().toList();
            assertFalse(String.join("\n", rest).contains(SECRET_KEY), rest.toString());
        } finally {
            p.destroyForcibly();
        }
    }
}
