package com.tagline.station.workflow;

import static com.tagline.station.sync.SyncRig.P424;
import static com.tagline.station.sync.SyncRig.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.simulator.platform.tagbase.TagStatus;
import com.tagline.station.personalize.Reason;
import com.tagline.station.platform.tagbase.Lease;
import com.tagline.station.platform.tagbase.LeasedTag;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.LeaseSummary;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.SyncPolicy;
import com.tagline.station.sync.SyncRig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Leasing} and the encoder's lease grace against the tagbase emulator over loopback HTTP with a
 * real SQLite file (platform-api §1.2 leases; architecture §5): renewal before expiry, expired leases,
 * the queue limit, and release on a clean shutdown.
 */
class LeasingIntegrationTest {
    private static final SyncPolicy SYNC = new SyncPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(8));

    @TempDir
    Path dir;

    private SyncRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    private SyncRig rig(int lowWater, int highWater, int queueLimit) {
        rig = SyncRig.start(dir, SYNC, new LeasePolicy(List.of(P424), lowWater, highWater, Duration.ofHours(2),
                Duration.ofSeconds(5)), queueLimit);
        return rig;
    }

    private ChipEncoder encoder() {
        return new ChipEncoder(rig.access, WorkflowFixture.recipes(), EncodingPolicy.defaults(), 3, rig.clock,
                rig.alarms);
    }

    private static EncodeOutcome encode(ChipEncoder encoder, SimulatedNtag424Link chip) {
        return encoder.encode(new WorkflowFixture.TestAntenna().present(chip));
    }

    private Instant leaseExpiry() {
        List<LeaseSummary> leases = rig.store.jobs().leases();
        assertEquals(1, leases.size(), leases.toString());
        return leases.get(0).expiresAt();
    }

    @Test
    void leaseIsRenewedWhenItsExpiryComesWithinRenewBefore() {
        rig(2, 3, StoreConfig.DEFAULT_QUEUE_LIMIT);
        rig.seedAndLease(3);
        assertEquals(T0.plus(Duration.ofHours(24)), leaseExpiry());

        rig.clock.advanceTo(T0.plus(Duration.ofHours(21)).plus(Duration.ofMinutes(59)));
        rig.leasing.runOnce();
        assertEquals(T0.plus(Duration.ofHours(24)), leaseExpiry(), "not due yet");

        rig.clock.advanceTo(T0.plus(Duration.ofHours(22)).plus(Duration.ofMinutes(1)));
        rig.leasing.runOnce();
        assertEquals(rig.clock.instant().plus(Duration.ofHours(24)), leaseExpiry(), "renewed 2 h before expiry");

        rig.clock.advanceTo(T0.plus(Duration.ofHours(30)));
        assertEquals(1, rig.platform().leases("live"), "the platform extended it too");
        assertEquals(0, rig.platform().leases("expired"));
        assertTrue(rig.alarms.raised().isEmpty(), rig.alarms.raised().toString());
    }

    @Test
    void expiredLeaseIsNeverUsedAndLeasingLeasesFreshTagsWithoutCallingThePlatformOffline() {
        rig(2, 3, StoreConfig.DEFAULT_QUEUE_LIMIT);
        List<String> seeded = rig.seedAndLease(6);
        List<String> first = seeded.subList(0, 3);
        // past expiry and the encoder's 5 min grace; another station now holds the expired tags
        rig.clock.advanceTo(T0.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(6)));
        try (TagbaseClient other = rig.openClient()) {
            assertEquals(first, other.lease("line-2", List.of(P424), 3).tags().stream().map(LeasedTag::id).toList());
        }

        rig.leasing.runOnce();
        assertFalse(rig.alarms.isRaised(Alarm.LEASE_FAILED), "the platform answered: " + rig.alarms.raised());
        assertEquals(6, rig.store.jobs().available(P424), "three fresh tags leased beside the three expired ones");
        assertEquals(2, rig.platform().leases("live"), "line-2's and our fresh one");

        EncodeOutcome o = encode(encoder(), WorkflowFixture.blank424(1));
        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        String used = o.tagId().orElseThrow();
        assertTrue(seeded.subList(3, 6).contains(used), "a fresh tag, not an expired one: " + used);
        assertTrue(rig.alarms.isRaised(Alarm.LEASE_EXPIRED));
        assertEquals(Optional.of(3), Optional.ofNullable(rig.store.jobs().counts().get("expired")));
        first.forEach(t -> assertFalse(rig.store.jobs().isAvailable(t)));

        assertTrue(rig.drain(10));
        assertEquals(1, rig.platform().tags("configured"));
        assertEquals(Optional.of(TagStatus.CONFIGURED), rig.status(used));
        first.forEach(t -> assertEquals(Optional.of(TagStatus.CREATED), rig.status(t)));
    }

    @Test
    void tagConfiguredHereButNotYetReportedStaysUsedWhenThePlatformLeasesItToUsAgain() {
        rig(3, 3, StoreConfig.DEFAULT_QUEUE_LIMIT);
        List<String> seeded = rig.seedAndLease(5);
        ChipEncoder encoder = encoder();
        EncodeOutcome first = encode(encoder, WorkflowFixture.blank424(1));
        assertEquals(Reason.CONFIGURED, first.reason(), first.detail());
        String configured = first.tagId().orElseThrow();
        // a long outage: the report has not landed when the lease runs out, so the platform still
        // shows the tag created and not in a live lease, and hands it out again
        rig.clock.advanceTo(T0.plus(Duration.ofHours(25)));
        rig.leasing.runOnce();
        assertEquals(Optional.of(TagStatus.CREATED), rig.status(configured));

        assertFalse(rig.store.jobs().isAvailable(configured), "a tag configured on a chip is never offered again");
        EncodeOutcome second = encode(encoder, WorkflowFixture.blank424(2));
        assertEquals(Reason.CONFIGURED, second.reason(), second.detail());
        assertTrue(!second.tagId().orElseThrow().equals(configured) && seeded.contains(second.tagId().get()));

        assertTrue(rig.drain(10));
        assertEquals(2, rig.platform().tags("configured"));
        assertEquals(WorkflowFixture.hex(WorkflowFixture.uid(1)), rig.emulator.tag(configured).orElseThrow().uid(),
                "the report for the expired lease was still applied (platform-api §1.2)");
        assertEquals(0, rig.platform().conflicts().size());
    }

    @Test
    void releaseGivesUnusedTagsBackOnlyOnceTheirOutcomesAreConfirmed() {
        rig(0, 5, StoreConfig.DEFAULT_QUEUE_LIMIT);
        List<String> seeded = rig.seedAndLease(8);
        String a = rig.nextTag();
        rig.configure(a);
        String b = rig.nextTag();
        rig.configure(b);

        assertEquals(0, rig.leasing.releaseUnused(), "outcomes of the lease still wait for the platform");
        assertEquals(0, rig.platform().leases("released"));

        assertTrue(rig.drain(10));
        assertEquals(1, rig.leasing.releaseUnused());

        assertEquals(1, rig.platform().leases("released"));
        assertEquals(Optional.of(3), Optional.ofNullable(rig.store.jobs().counts().get("released")));
        assertEquals(0, rig.store.jobs().available(P424));
        List<String> unused = seeded.subList(2, 5);
        unused.forEach(t -> assertEquals(Optional.of(TagStatus.CREATED), rig.status(t)));
        try (TagbaseClient other = rig.openClient()) {
            Lease l = other.lease("line-2", List.of(P424), 10);
            List<String> ids = l.tags().stream().map(LeasedTag::id).toList();
            assertEquals(seeded.subList(2, 8), ids, "the unused tags are leasable again, oldest first");
        }
        assertEquals(Optional.of(TagStatus.CONFIGURED), rig.status(a));
        assertEquals(Optional.of(TagStatus.CONFIGURED), rig.status(b));
    }

    @Test
    void queueLimitStopsLeasingWithoutDroppingAnythingAndLeasingResumesOnceSynced() {
        rig(8, 10, 3);
        rig.seedAndLease(30);
        assertEquals(10, rig.store.jobs().available(P424));
        for (int i = 0; i < 3; i++) {
            rig.configure(rig.nextTag());
        }

        rig.leasing.runOnce();
        assertTrue(rig.alarms.isRaised(Alarm.QUEUE_FULL));
        assertEquals(7, rig.store.jobs().available(P424), "no lease while the outbox is full");
        assertEquals(1, rig.platform().leases("live"));
        rig.configure(rig.nextTag());
        assertEquals(4, rig.outbox("pending"), "outcomes of tags already leased are still recorded");

        assertTrue(rig.drain(10));
        assertEquals(4, rig.platform().tags("configured"));
        rig.leasing.runOnce();
        assertFalse(rig.alarms.isRaised(Alarm.QUEUE_FULL));
        assertEquals(10, rig.store.jobs().available(P424));
        assertEquals(2, rig.platform().leases("live"));
        assertEquals(4, rig.outbox("confirmed"));
    }

    @Test
    void failedLeaseCallsBackOffSoASlowPlatformIsNotAskedEveryFewSeconds() {
        rig(2, 3, StoreConfig.DEFAULT_QUEUE_LIMIT);
        rig.faults(new com.tagline.simulator.platform.FaultSettings(true, 0, 0, 0)); // outage
        rig.leasing.runOnce();
        assertEquals(1, rig.alarms.timesRaised(Alarm.LEASE_FAILED));
        rig.clock.advanceTo(T0.plusSeconds(5)); // first retry after the policy's 5 s
        rig.leasing.runOnce();
        assertEquals(2, rig.alarms.timesRaised(Alarm.LEASE_FAILED));
        rig.clock.advanceTo(T0.plusSeconds(10)); // the next one waits 10 s: not yet
        rig.leasing.runOnce();
        assertEquals(2, rig.alarms.timesRaised(Alarm.LEASE_FAILED), "no call 5 s after the second failure");
        rig.clock.advanceTo(T0.plusSeconds(15));
        rig.leasing.runOnce();
        assertEquals(3, rig.alarms.timesRaised(Alarm.LEASE_FAILED));
        rig.faults(com.tagline.simulator.platform.FaultSettings.NONE);
        rig.emulator.seedTags(rig.apiKey(), 3, ChipProtocol.NTAG_424_DNA,
                "https://t.example/q");
        rig.clock.advanceTo(T0.plusSeconds(35));
        rig.leasing.runOnce();
        assertFalse(rig.alarms.isRaised(Alarm.LEASE_FAILED), "cleared once a lease works");
        assertEquals(3, rig.store.jobs().available(P424));
    }

    @Test
    void aReloadedTokenLeasesAtOnceInsteadOfWaitingOutTheBackoff() {
        rig(2, 3, StoreConfig.DEFAULT_QUEUE_LIMIT);
        rig.emulator.seedTags(rig.apiKey(), 3, ChipProtocol.NTAG_424_DNA,
                "https://t.example/r");
        rig.revokeKey();
        rig.leasing.runOnce();
        rig.clock.advanceTo(T0.plusSeconds(5));
        rig.leasing.runOnce(); // two refusals: the next try waits 10 s
        assertEquals(2, rig.alarms.timesRaised(Alarm.LEASE_FAILED));

        rig.restoreKey();
        rig.leasing.retryNow();
        rig.leasing.runOnce();
        assertEquals(3, rig.store.jobs().available(P424), "leased at once after the reload");
        assertFalse(rig.alarms.isRaised(Alarm.LEASE_FAILED));
    }
}
