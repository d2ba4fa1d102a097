package com.tagline.station.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tagline.station.simulate.campaign.Campaign;
import com.tagline.station.simulate.campaign.CampaignOptions;
import com.tagline.station.simulate.campaign.CampaignResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, the campaign in CI: {@code station run} (a hand-fed bench, its own process) killed with SIGKILL 30
 * times at random moments and restarted on the same data directory while an operator feeds chips (a tenth of them
 * defective), pulls some mid-encoding or while the station is down, puts back or scraps the chips the station waits
 * for; then it drains and stops. No chip ships wrong: every invariant of {@link CampaignResult} holds, nothing hung.
 * {@code station campaign --kills 500 --seed S} runs the long one.
 */
class KillCampaignTest {
    private static final int KILLS = 30;

    @TempDir
    Path dir;

    @Test
    void thirtyKillsAndNoChipShipsWrong() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat makes the reader's pty (.ci/run installs it)");
        // a shorter life than the command's default (6 s) to stay near a minute; more kills land in start-up
        CampaignResult r = new Campaign(CampaignOptions.of(KILLS, 12).withLife(Duration.ofMillis(4500)), System.err)
                .run(dir);
        System.err.println(r.text());
        assertTrue(r.clean(), r.text());
        assertEquals(KILLS, r.kills(), r.text());
        assertEquals(0, r.lost() + r.tagsOnTwoChips() + r.chipsOnTwoTags() + r.duplicates() + r.hangs(), r.text());
        assertEquals(0, r.stationErrors() + r.worldErrors(), "no ERROR line from the station or the emulators: " + r.text());
        assertTrue(r.configured() > 0 && r.chips() >= r.configured(), "the station did work between the kills: " + r.text());
        assertEquals(r.chips(), r.configured() + r.scrapped(), "every chip fed ended in a bin: " + r.text());
    }
}
