package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code station campaign}: bad options are refused in one line with exit 2, before anything starts. */
class CampaignCommandTest {
    @TempDir
    Path dir;

    @Test
    void refusesBadOptionsWithExit2() {
        for (String[] args : new String[][] {{"--kills", "-1"}, {"--defect-rate", "1.5"}, {"--pull-rate", "-0.1"},
            {"--life-ms", "10"}, {"--protocol", "mifare"}, {"--drop-rate", "0.9"}, {"--platform-latency-ms", "-5"}}) {
            CliRunner r = CliRunner.run(concat("campaign", args));
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("campaign: ") && r.err().contains(args[0]), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test
    void refusesADirectoryThatIsNotEmpty() throws Exception {
        Files.writeString(dir.resolve("station.db"), "");
        CliRunner r = CliRunner.run("campaign", "--kills", "1", "--dir", dir.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("is not empty"), r.err());
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
