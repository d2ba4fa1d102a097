package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code promtool check metrics} (Debian package {@code prometheus}; {@code .ci/run} installs it): the
 * exposition parses and passes Prometheus's own lint. Skipped where promtool is missing, except in CI.
 */
final class Promtool {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private Promtool() {
    }

    static void assertClean(String metrics) throws Exception {
        boolean present = Files.isExecutable(PROMTOOL);
        if (System.getenv("CI") != null && !present) {
            throw new AssertionError("CI needs promtool (Debian package prometheus)");
        }
        assumeTrue(present, "promtool is needed (apt-get install prometheus)");
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(metrics.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("promtool did not finish");
        }
        assertEquals(0, p.exitValue(), "promtool check metrics: " + out);
    }
}
