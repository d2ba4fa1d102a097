package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Raspberry Pi example ({@code line.backend: gpiod}) on a host without GPIO: {@code station run}
 * ends with one line naming what is missing, not pi4j's "provider [gpiod-digital-output] could not be
 * found" (issue 15).
 */
class RunWithoutGpioTest {
    @TempDir
    Path dir;

    @Test
    void theGpiodLineOnAHostWithoutGpioFailsWithOneLineSayingWhatIsMissing() throws Exception {
        assumeFalse(List.of("arm", "aarch64").contains(System.getProperty("os.arch")), "a host without ARM natives");
        Path keys = Files.copy(Path.of("..", "configs", "keys.example.yaml"), dir.resolve("keys.yaml"));
        Path token = Files.writeString(dir.resolve("tagbase.token"), "sk_test_gpio\n");
        Path operator = Files.writeString(dir.resolve("operator.token"), "op_test_gpio_0123456789\n");
        for (Path secret : List.of(keys, token, operator)) {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
        String pi = Files.readString(Path.of("..", "configs", "station.example.yaml"))
                .replace("/var/lib/tagline", dir.resolve("data").toString())
                .replace("/etc/tagline/keys.yaml", keys.toString())
                .replace("/etc/tagline/tagbase.token", token.toString())
                .replace("/etc/tagline/operator.token", operator.toString())
                .replace("listen: 127.0.0.1:8088", "listen: 127.0.0.1:0");
        Path config = Files.writeString(dir.resolve("station.yaml"), pi);

        CliRunner r = CliRunner.run("run", "--config", config.toString());

        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("run:")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("run: the station cannot start: GPIO backend gpiod needs a Raspberry Pi:"
                + " this host's JVM is " + System.getProperty("os.arch")), lines.get(0));
        assertTrue(!r.err().contains("could not be found") && !r.err().contains("\tat "), r.err());
    }
}
