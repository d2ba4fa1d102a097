package com.tagline.station.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.station.personalize.Reason;
import com.tagline.station.store.DatabaseCheck;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import com.tagline.station.workflow.EncodeOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, faults beyond kill -9, disk: {@code station run} (hand-fed bench, in this JVM) with its data directory
 * on an 8 MiB tmpfs that fills up. Below {@code store.min_free_mb} leasing stops with DISK_LOW while the tags on
 * hand are still encoded; with the file system full no chip is encoded (its attempt cannot be recorded before it
 * is touched); when the space returns the station carries on by itself: the waiting chip is encoded, DISK_LOW
 * clears, leasing and the sync resume. Nothing stored is lost: every outcome is in the store and on the platform,
 * and {@code PRAGMA integrity_check} says ok. Skipped, with the reason, where a tmpfs cannot be mounted.
 */
class DiskFullTest {
    private static final Duration CHIP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aFullDataDiskStopsLeasingLosesNothingAndTheStationCarriesOnWhenSpaceReturns() throws Exception {
        try (SizedTmpfs fs = mountOrSkip(); InProcessBench bench = new InProcessBench(dir, 40)) {
            StationRuntime station = bench.start("""
                    encoding: {lease_low_water: 2, lease_high_water: 6}
                    sync: {interval_ms: 100}
                    store: {min_free_mb: 3}
                    """);
            Alarms alarms = station.station().alarms();
            bench.encodeOne(CHIP);
            bench.encodeOne(CHIP);
            long leasesBefore = bench.platform.state().leases("live") + bench.platform.state().leases("released");

            fs.fillLeaving(2L * 1024 * 1024);
            assertTrue(InProcessBench.within(Duration.ofSeconds(5), () -> alarms.isRaised(Alarm.DISK_LOW)),
                    "DISK_LOW within a leasing pass: " + alarms.raised());
            bench.encodeOne(CHIP); // a tag on hand is still encoded below the threshold
            bench.encodeOne(CHIP);
            assertEquals(leasesBefore, bench.platform.state().leases("live") + bench.platform.state().leases("released"),
                    "no lease while the disk is low");

            fs.fillLeaving(0);
            long fullAt = System.nanoTime();
            Ntag424FieldChip waiting = bench.place();
            assertNull(bench.next(Duration.ofSeconds(3)), "with the disk full no chip is encoded");
            System.out.printf("disk full: usable %d bytes; alarms %s%n", fs.usable(), alarms.raised().keySet());

            fs.free();
            EncodeOutcome resumed = bench.next(CHIP);
            double carriedOnAfter = (System.nanoTime() - fullAt) / 1e9;
            assertNotNull(resumed, "the waiting chip is encoded once the space returns");
            assertEquals(Reason.CONFIGURED, resumed.reason(), resumed.detail());
            bench.pn532.removeChip(waiting);
            assertTrue(InProcessBench.within(Duration.ofSeconds(5), () -> !alarms.isRaised(Alarm.DISK_LOW)),
                    "DISK_LOW clears: " + alarms.raised());
            for (int i = 0; i < 4; i++) {
                bench.encodeOne(CHIP); // more than were on hand when leasing stopped: leasing resumed
            }
            assertTrue(InProcessBench.within(Duration.ofSeconds(10), () -> bench.platform.state().tags("configured") == 9),
                    "the sync caught up: " + bench.platform.state().tags());
            System.out.printf("disk: 9 chips configured; the chip waiting on a full disk was encoded %.1f s after the"
                    + " disk filled (space returned after 3 s)%n", carriedOnAfter);
            bench.stop();
            assertStoreSound(fs, 9);
        }
    }

    /**
     * The disk fills while a chip is between its key changes: the next step's intent cannot be written, so the
     * chip stops part-way with its tag held (architecture §5); when the space returns the same chip resumes from
     * what it shows and ends configured on its own tag, never re-encoded or given another tag.
     */
    @Test
    void aDiskThatFillsMidChipLeavesTheChipToResumeWhenSpaceReturns() throws Exception {
        try (SizedTmpfs fs = mountOrSkip(); InProcessBench bench = new InProcessBench(dir, 10)) {
            bench.start("""
                    encoding: {lease_low_water: 2, lease_high_water: 4}
                    sync: {interval_ms: 100}
                    store: {min_free_mb: 1}
                    """);
            bench.encodeOne(CHIP);
            bench.pn532.faults().responseDelay(Duration.ofMillis(100)); // a slow reader: time to fill the disk
            Ntag424FieldChip chip = bench.place();
            assertTrue(InProcessBench.within(CHIP, () -> chip.chip().keyVersion(1) != 0), "ChangeKey 1 ran");
            fs.fillLeaving(0);
            assertNull(bench.next(Duration.ofSeconds(3)), "the chip cannot be finished while nothing can be recorded");
            assertTrue(chip.chip().keyVersion(0) == 0, "the chip stopped part-way, before ChangeKey 0");
            bench.pn532.faults().responseDelay(Duration.ZERO);

            fs.free();
            EncodeOutcome o = bench.next(CHIP);
            assertNotNull(o, "the chip resumed once the space returned");
            assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
            assertTrue(o.resumed(), "resumed from what the chip showed, not encoded afresh: " + o);
            assertEquals(chip.chip().uidHex(), o.uidHex().orElseThrow());
            String tag = o.tagId().orElseThrow();
            assertTrue(InProcessBench.within(Duration.ofSeconds(10), () -> bench.platform.state().tags("configured") == 2));
            assertEquals(chip.chip().uidHex(), bench.platform.tag(tag).orElseThrow().uid(), "its own tag, its UID");
            bench.stop();
            System.out.println("disk: the chip stopped after ChangeKey 1 when the disk filled resumed on its own tag"
                    + " once the space returned (resumed=true)");
            assertStoreSound(fs, 2);
        }
    }

    /** An 8 MiB tmpfs on the data directory; the test is skipped, with the reason printed, where none can be mounted. */
    private SizedTmpfs mountOrSkip() throws Exception {
        SizedTmpfs.Result mounted = SizedTmpfs.mount(dir.resolve("data"), 8);
        if (mounted.fs().isEmpty()) {
            System.out.println("DiskFullTest skipped: " + mounted.whyNot());
        }
        Assumptions.assumeTrue(mounted.fs().isPresent(), mounted.whyNot());
        return mounted.fs().get();
    }


    private void assertStoreSound(SizedTmpfs fs, int configured) throws Exception {
        Path db = dir.resolve("data").resolve("station.db");
        assertEquals(List.of("ok"), DatabaseCheck.integrity(db));
        try (Store store = Store.open(StoreConfig.of(db, "bench-1").withMinFreeBytes(0))) {
            assertEquals(configured, store.configuredChips().size(), "every outcome is in the store");
            assertEquals(Map.of("confirmed", configured), store.outbox().counts());
        }
        assertFalse(fs.usable() < 0);
    }
}
