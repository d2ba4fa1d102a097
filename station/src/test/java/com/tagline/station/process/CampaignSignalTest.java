package com.tagline.station.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tagline.station.cli.StationCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code station campaign} ended by SIGTERM (a CI job's timeout, {@code kill PID}) takes its children with it:
 * before, its {@code station run} and the pty's socat lived on, the station holding the data directory's lock
 * (found when a campaign was stopped by hand in this session).
 */
class CampaignSignalTest {
    @TempDir
    Path dir;

    @Test
    void sigtermEndsTheStationAndSocatToo() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat makes the reader's pty (.ci/run installs it)");
        try (JavaProcess campaign = JavaProcess.start("campaign", StationCli.class, Map.of(), dir,
                "campaign", "--kills", "500", "--dir", dir.resolve("campaign").toString())) {
            ProcessHandle handle = ProcessHandle.of(campaign.pid()).orElseThrow();
            List<ProcessHandle> children = awaitChildren(handle, campaign, Duration.ofSeconds(60));

            assertTrue(handle.destroy(), "SIGTERM sent");
            assertEquals(143, campaign.awaitExit(Duration.ofSeconds(30)), "ended by SIGTERM");
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            for (ProcessHandle c : children) {
                assertFalse(c.isAlive(), "child " + c.pid() + " " + c.info().commandLine().orElse("") + " outlived the campaign");
            }
            campaign.awaitLine(0, l -> l.contains("ended by a signal"), Duration.ofSeconds(5));
        }
    }

    /** The station's process and socat, once both run. */
    private static List<ProcessHandle> awaitChildren(ProcessHandle campaign, JavaProcess p, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<ProcessHandle> children = campaign.descendants().toList();
            // the command line may be cut short (a test's class path is long): the station is the child java
            boolean station = children.stream().anyMatch(c -> c.info().command().orElse("").endsWith("/java"));
            boolean socat = children.stream().anyMatch(c -> c.info().command().orElse("").endsWith("socat"));
            if (station && socat) {
                return children;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the campaign did not start its station and socat within " + timeout.toSeconds() + " s: "
                + campaign.descendants().map(c -> c.info().command().orElse("?")).toList() + "; " + p.lines());
    }
}
