package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code simulate}'s console options (issue 14): what they need and how a bad one is refused. */
class SimulateConsoleCommandTest {
    @Test
    void consoleOptionsNeedTheConsole() {
        CliRunner r = CliRunner.run("simulate", "--count", "2", "--pace", "5");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("need --console"), r.err());
    }

    @Test
    void aBadListenAddressOrPaceIsNamed() {
        CliRunner r = CliRunner.run("simulate", "--count", "2", "--console", "localhost:http");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("[HOST:]PORT"), r.err());
        CliRunner pace = CliRunner.run("simulate", "--count", "2", "--console", "127.0.0.1:0", "--pace", "0");
        assertEquals(2, pace.exit());
        assertTrue(pace.err().contains("--pace must be a number above 0"), pace.err());
    }

    @Test
    void aShortOperatorTokenIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path token = dir.resolve("t");
        java.nio.file.Files.writeString(token, "short");
        java.nio.file.Files.setPosixFilePermissions(token, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        CliRunner r = CliRunner.run("simulate", "--count", "2", "--console", "127.0.0.1:0", "--operator-token-file",
                token.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("at least 16 characters") && !r.err().contains("short\n"), r.err());
    }

    @Test
    void theConsoleServesDuringTheRunAndCloses() {
        CliRunner r = CliRunner.run("simulate", "--count", "3", "--defect-rate", "0", "--console", "127.0.0.1:0", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("simulate: operator console at http://127.0.0.1:"), r.err());
    }

    /** Without a token the controls answer 403 naming what simulate takes, not the configuration's keys. */
    @Test
    void withoutAnOperatorTokenTheRefusalNamesSimulatesOwnOptions() throws Exception {
        try (BackgroundCli cli = new BackgroundCli("simulate", "--count", "2", "--defect-rate", "0", "--console",
                "127.0.0.1:0", "--linger")) {
            String url = cli.awaitErr(Pattern.compile("operator console at (http://\\S+/)"), Duration.ofSeconds(30));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                    + "api/line/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("controls are off: the station has no operator token (--operator-token-file"
                    + " FILE or TAGLINE_OPERATOR_TOKEN)"), r.body());
            assertTrue(!r.body().contains("console.operator_token"), r.body());
        }
    }
}
