package com.tagline.station.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.station.cli.StationCli;
import com.tagline.station.run.BenchConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One store belongs to one station (found by a new user: two {@code station run} on one data directory both
 * said "running", encoded from the same lease and one released it at shutdown). A second station on the same
 * data directory now exits 1 naming the first's process; once the first is killed with SIGKILL the lock is
 * gone with it and a new station starts on the same store. The stations run without a reader or a platform
 * (both are retried with alarms), so nothing but the data directory is shared.
 */
class OneStorePerStationTest {
    @TempDir
    Path dir;

    @Test
    void aSecondStationOnOneDataDirectoryIsRefusedNamingTheFirstAndAKilledStationLeavesNoLock() throws Exception {
        Path yaml = config();
        try (JavaProcess first = run("first", yaml)) {
            first.awaitLine(0, l -> l.contains("running;"), Duration.ofSeconds(60));
            try (JavaProcess second = run("second", yaml)) {
                assertEquals(1, second.awaitExit(Duration.ofSeconds(60)), String.join("\n", second.lines()));
                String refusal = second.awaitLine(0, l -> l.contains("cannot start"), Duration.ofSeconds(1));
                assertTrue(refusal.contains("is in use by another station (process " + first.pid() + ")"), refusal);
            }
            first.kill();
        }
        try (JavaProcess third = run("third", yaml)) {
            third.awaitLine(0, l -> l.contains("running;"), Duration.ofSeconds(60));
            third.send("stop");
            assertEquals(0, third.awaitExit(Duration.ofSeconds(30)), String.join("\n", third.lines()));
        }
    }

    private JavaProcess run(String name, Path yaml) {
        return JavaProcess.start(name, StationCli.class, Map.of(), dir, "run", "--config", yaml.toString());
    }

    private Path config() throws Exception {
        return BenchConfig.write(dir, "/dev/ttyTAGLINE_NO_SUCH_PORT", "", "");
    }
}
