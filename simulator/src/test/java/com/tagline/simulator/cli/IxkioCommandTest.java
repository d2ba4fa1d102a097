package com.tagline.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code simulator ixkio}: usage errors exit 2 naming the option; the standalone process serves until stdin ends. */
class IxkioCommandTest {
    private static final String KEY = "cli-secret-key";

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

    private Path codes(String csv) throws Exception {
        Path f = dir.resolve("codes.csv");
        Files.writeString(f, csv);
        return f;
    }

    @Test
    void missingOptionsAreUsageErrors() {
        assertEquals(2, run("ixkio", "--port", "0", "--api-key", KEY));
        assertTrue(err.toString().contains("--codes"), err.toString());
        assertFalse(err.toString().contains(KEY));
    }

    @Test
    void badValuesNameTheirOption() throws Exception {
        Path ok = codes("xuid,cuid,url\nX1,C1,https://g.example\n");
        assertEquals(2, run("ixkio", "--port", "70000", "--api-key", KEY, "--codes", ok.toString()));
        assertTrue(err.toString().contains("--port must be 0..65535"), err.toString());
        assertEquals(2, run("ixkio", "--port", "0", "--api-key", "", "--codes", ok.toString()));
        assertTrue(err.toString().contains("--api-key must not be empty"), err.toString());
        assertEquals(2, run("ixkio", "--port", "0", "--api-key", KEY, "--codes", ok.toString(), "--aid", "a/b"));
        assertTrue(err.toString().contains("--aid"), err.toString());
        assertEquals(2, run("ixkio", "--port", "0", "--api-key", KEY, "--codes", dir.resolve("none.csv").toString()));
        assertTrue(err.toString().contains("--codes") && err.toString().contains("cannot read"), err.toString());
        assertFalse(err.toString().contains(KEY));
    }

    @Test
    void seedErrorsAreUsageErrorsNamingTheLine() throws Exception {
        Path bad = codes("xuid,cuid,url\nX1,C1,u\nX1,C2,u\n");
        assertEquals(2, run("ixkio", "--port", "0", "--api-key", KEY, "--codes", bad.toString()));
        assertTrue(err.toString().contains("line 3: duplicate xuid 'X1'"), err.toString());
    }

    @Test
    void standaloneProcessPrintsItsBaseUrlServesAndStopsAtEndOfStdin() throws Exception {
        Path f = codes("xuid,cuid,url,uid\nX1,C1,https://g.example,04A1B2C3D4E5F6\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SimulatorCli.class.getName(), "ixkio", "--port", "0",
                "--api-key", KEY, "--codes", f.toString(), "--aid", "ACME").redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String baseUrl = stdout.readLine();
            assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/v1/a/ACME")).header("Ixkio-R", KEY).header("ix_u", "04A1B2C3D4E5F6")
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("ix_status=Active")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"xuid\":\"X1\",\"updated\":[\"ix_status\"]}", r.body());
            p.getOutputStream().write("state\n".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            assertEquals("tag_codes 1 active 1 assigned 0 with_nft 0 applied 1 rejected 0 unauthorized 0",
                    stdout.readLine());
            p.getOutputStream().close();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the emulator did not stop at the end of stdin");
            assertEquals(0, p.exitValue());
            List<String> rest = stdout.lines().toList();
            assertFalse(String.join("\n", rest).contains(KEY));
        } finally {
            p.destroyForcibly();
        }
    }
}
