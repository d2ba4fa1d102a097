package com.tagline.station.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code console} section (issue 14): loopback by default, owner-only token, every bad field named. */
class ConsoleSectionTest {
    private static final String BASE = """
            station: line-1
            data_dir: data
            keys: {file: keys.yaml}
            platform: {base_url: "http://127.0.0.1:8080", api_key_env: TAGBASE_API_KEY}
            line: {mode: hand-fed}
            """;

    @TempDir
    Path dir;

    private StationConfig load(String console) throws IOException {
        Path f = dir.resolve("station.yaml");
        Files.writeString(f, BASE + console);
        return ConfigLoader.load(f);
    }

    private List<String> problems(String console) {
        return assertThrows(ConfigException.class, () -> load(console)).problems();
    }

    @Test
    void withoutASectionTheConsoleListensOnLoopbackWithItsControlsOff() throws IOException {
        StationConfig.Console c = load("").console();
        assertTrue(c.enabled());
        assertEquals("127.0.0.1", c.host());
        assertEquals(8088, c.port());
        assertTrue(c.operatorToken().isEmpty());
        assertTrue(c.targetPerHour().isEmpty());
    }

    @Test
    void anotherAddressOnlyWhenWrittenAndTheTokenFileIsOwnerOnly() throws IOException {
        StationConfig.Console c = load("console: {listen: \"0.0.0.0:9090\", operator_token_file: op.token,"
                + " target_per_hour: 1500}\n").console();
        assertEquals("0.0.0.0", c.host());
        assertEquals(9090, c.port());
        assertEquals(1500, c.targetPerHour().getAsLong());
        Path token = dir.resolve("op.token");
        Files.writeString(token, "operator-token-for-the-line-1\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        ConfigException e = assertThrows(ConfigException.class, () -> c.operatorToken().orElseThrow()
                .read("console.operator_token", Map.of()));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(e.getMessage().contains("operator-token-for"), "the message never holds the token");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        assertEquals("operator-token-for-the-line-1", c.operatorToken().orElseThrow()
                .read("console.operator_token", Map.of()));
        assertEquals("[::1]", "[" + load("console: {listen: \"[::1]:8088\"}\n").console().host() + "]");
    }

    @Test
    void badFieldsAreNamed() {
        List<String> p = problems("console: {listen: \"localhost:http\", operator_token_file: a, operator_token_env: B,"
                + " target_per_hour: 0, enabled: maybe, colour: red}\n");
        assertTrue(p.stream().anyMatch(s -> s.startsWith("console.listen: must be [HOST:]PORT")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("console.operator_token_file: give at most one")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("console.target_per_hour:")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("console.enabled:")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("console.colour: unknown key")), p.toString());
    }
}
