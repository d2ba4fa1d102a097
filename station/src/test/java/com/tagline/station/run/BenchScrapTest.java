package com.tagline.station.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.station.workflow.EncodeOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's {@code scrap UID} on a hand-fed bench (architecture §5): a chip that took its tag and left the
 * antenna part-way is declared scrapped, and its tag goes to the next chip. Found by the serial fault test (issue
 * 12): the bench loop held the reader thread for good, so a scrap queued behind it waited its 30 s and failed, and
 * the tag stayed held.
 */
class BenchScrapTest {
    private static final Duration CHIP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aChipScrappedOnABenchGivesItsTagToTheNextChipAtOnce() throws Exception {
        try (InProcessBench bench = new InProcessBench(dir, 4)) {
            StationRuntime station = bench.start("encoding: {lease_low_water: 1, lease_high_water: 4}\n");
            bench.pn532.faults().responseDelay(Duration.ofMillis(100)); // a slow reader: time to pull the chip
            Ntag424FieldChip pulled = bench.place();
            assertTrue(InProcessBench.within(CHIP, () -> pulled.chip().keyVersion(1) != 0), "ChangeKey 1 ran");
            bench.pn532.removeChip(pulled); // the operator pulls it part-way
            EncodeOutcome held = bench.next(CHIP);
            assertNotNull(held);
            assertTrue(held.detail().contains("stays with this chip"), held.detail());
            bench.pn532.faults().responseDelay(Duration.ZERO);

            long t0 = System.nanoTime();
            Optional<String> released = station.scrap(pulled.chip().uidHex());
            long scrapMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(held.tagId(), released, "the held tag is released");
            assertTrue(scrapMs < 2_000, "answered in " + scrapMs + " ms");

            EncodeOutcome next = bench.encodeOne(CHIP);
            assertEquals(held.tagId(), next.tagId(), "the next chip gets the scrapped chip's tag");
            assertTrue(next.detail().contains("replaces chip " + pulled.chip().uidHex()), next.detail());
            System.out.printf("bench scrap: answered in %d ms; the next chip took tag %s%n", scrapMs,
                    next.tagId().orElseThrow());
        }
    }

}
