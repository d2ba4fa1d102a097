package com.tagline.station.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.simulator.platform.FaultSettings;
import com.tagline.simulator.platform.tagbase.TagStatus;
import com.tagline.simulator.platform.tagbase.TagbaseState;
import com.tagline.station.store.OutboxState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutboxSync} against the tagbase emulator over loopback HTTP with a real SQLite file
 * (architecture §5 store-and-forward; platform-api §1.2 report outcomes, §1.4 faults): the happy path,
 * an outage, answers lost after the platform applied the batch, and a 503 storm.
 */
class OutboxSyncIntegrationTest {
    @TempDir
    Path dir;

    private SyncRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    /** Leases {@code configured + failed} tags and records their outcomes; returns the tag ids in order. */
    private List<String> outcomes(int configured, int failed, List<String> configuredTags, List<String> failedTags) {
        rig.seedAndLease(configured + failed);
        for (int i = 0; i < configured + failed; i++) {
            String tag = rig.nextTag();
            if (i % 3 == 2 && failedTags.size() < failed || configuredTags.size() == configured) {
                rig.fail(tag);
                failedTags.add(tag);
            } else {
                rig.configure(tag);
                configuredTags.add(tag);
            }
        }
        List<String> all = new ArrayList<>(configuredTags);
        all.addAll(failedTags);
        return all;
    }

    @Test
    void happyPathDrainsEveryOutcomeExactlyOnce() {
        rig = SyncRig.start(dir, 4);
        List<String> configured = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        outcomes(7, 3, configured, failed);
        assertEquals(10, rig.outbox("pending"));

        assertTrue(rig.drain(20));

        assertEquals(10, rig.outbox("confirmed"));
        assertEquals(10, rig.sync.stats().accepted());
        assertEquals(0, rig.sync.stats().duplicates());
        assertEquals(3, rig.sync.stats().batches(), "10 reports in batches of 4");
        TagbaseState p = rig.platform();
        assertEquals(7, p.tags("configured"));
        assertEquals(3, p.tags("created"), "a failed tag goes back to the pending pool");
        assertEquals(10, p.reports("accepted"));
        assertEquals(0, p.reports("duplicate"));
        assertEquals(0, p.reports("conflict") + p.reports("rejected"));
        configured.forEach(t -> assertEquals(Optional.of(TagStatus.CONFIGURED), rig.status(t)));
        failed.forEach(t -> assertEquals(Optional.of(TagStatus.CREATED), rig.status(t)));
        configured.forEach(t -> assertEquals(rig.uidOf(t), rig.emulator.tag(t).orElseThrow().uid()));
        assertTrue(rig.alarms.raised().isEmpty(), rig.alarms.raised().toString());
    }

    @Test
    void outageBuffersEverythingBacksOffAndDrainsWhenThePlatformReturns() {
        rig = SyncRig.start(dir, 100);
        List<String> configured = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        outcomes(5, 2, configured, failed);

        rig.faults(new FaultSettings(true, 0, 0, 0));
        List<Duration> delays = new ArrayList<>();
        for (int pass = 0; pass < 7; pass++) {
            Instant now = rig.clock.instant();
            Instant due = rig.sync.runOnce();
            delays.add(Duration.between(now, due));
            assertTrue(rig.alarms.isRaised(Alarm.OFFLINE));
            assertEquals(7, rig.outbox("pending") + rig.outbox("sent"), "every outcome still waits on disk");
            assertEquals(0, rig.outbox("confirmed"));
            rig.clock.advanceTo(due);
        }
        // ceilings 1 s, 2 s, 4 s, 8 s, then capped at 8 s; each delay is jittered within [ceiling/2, ceiling]
        for (int i = 1; i < 4; i++) {
            assertTrue(delays.get(i).compareTo(delays.get(i - 1)) >= 0, "backoff grows until the max: " + delays);
        }
        assertTrue(delays.get(3).compareTo(delays.get(0).multipliedBy(4)) >= 0, "backoff doubles: " + delays);
        for (Duration d : delays.subList(4, delays.size())) {
            assertTrue(d.compareTo(Duration.ofSeconds(4)) >= 0, "capped, jittered in [max/2, max]: " + delays);
        }
        delays.forEach(d -> assertTrue(d.compareTo(Duration.ofSeconds(8)) <= 0, "bounded by the max: " + delays));
        assertEquals(7, rig.sync.stats().ambiguousBatches());
        assertEquals(0, rig.platform().reports("accepted"), "an outage applies nothing");

        rig.faults(FaultSettings.NONE);
        assertTrue(rig.drain(10));

        assertFalse(rig.alarms.isRaised(Alarm.OFFLINE));
        assertEquals(7, rig.outbox("confirmed"));
        TagbaseState p = rig.platform();
        assertEquals(5, p.tags("configured"));
        assertEquals(7, p.reports("accepted"));
        assertEquals(0, p.reports("duplicate"), "nothing was applied during the outage, so nothing repeats");
        configured.forEach(t -> assertEquals(Optional.of(TagStatus.CONFIGURED), rig.status(t)));
        failed.forEach(t -> assertEquals(Optional.of(TagStatus.CREATED), rig.status(t)));
    }

    @Test
    void answersLostAfterTheBatchWasAppliedAreReconciledWithoutResendingConfiguredReports() {
        rig = SyncRig.start(dir, 100);
        List<String> configured = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        outcomes(4, 2, configured, failed);

        rig.faults(new FaultSettings(false, 0, 0, 1.0));
        Instant due = rig.sync.runOnce();
        assertEquals(6, rig.outbox("sent"), "no answer: the batch stays in doubt");
        assertEquals(1, rig.sync.stats().ambiguousBatches());
        assertEquals(6, rig.platform().reports("accepted"), "the platform applied the batch");
        assertTrue(rig.alarms.isRaised(Alarm.OFFLINE));

        rig.faults(FaultSettings.NONE);
        rig.clock.advanceTo(due);
        rig.sync.runOnce();

        assertTrue(rig.sync.drained());
        assertEquals(6, rig.outbox("confirmed"));
        assertEquals(4, rig.sync.stats().reconciled(), "configured reports confirmed by GET /api/v1/tags/:id");
        assertEquals(2, rig.sync.stats().duplicates(), "failed reports were sent again and answered duplicate");
        TagbaseState p = rig.platform();
        assertEquals(6, p.reports("accepted"));
        assertEquals(2, p.reports("duplicate"));
        assertEquals(4, p.tags("configured"));
        assertEquals(0, p.conflicts().size());
        failed.forEach(t -> assertEquals(Optional.of(TagStatus.CREATED), rig.status(t)));
        assertFalse(rig.alarms.isRaised(Alarm.OFFLINE));
    }

    @Test
    void reconcilingConfiguredReportsAloneClearsTheOfflineAlarmAndTheBackoff() {
        rig = SyncRig.start(dir, 100);
        outcomes(3, 0, new ArrayList<>(), new ArrayList<>());
        rig.faults(new FaultSettings(false, 0, 0, 1.0));
        Instant due = rig.sync.runOnce();
        assertTrue(rig.alarms.isRaised(Alarm.OFFLINE));

        rig.faults(FaultSettings.NONE);
        rig.clock.advanceTo(due);
        rig.sync.runOnce();

        assertTrue(rig.sync.drained());
        assertEquals(3, rig.sync.stats().reconciled());
        assertEquals(1, rig.sync.stats().batches(), "nothing was sent again");
        assertEquals(3, rig.platform().reports("accepted"));
        assertEquals(0, rig.platform().reports("duplicate"));
        assertFalse(rig.alarms.isRaised(Alarm.OFFLINE), "the platform answered every lookup: it is not offline");

        // the next failure starts the backoff afresh (1 s ceiling), not where the last outage left it
        rig.configure(rig.seedAndLease(1).get(0));
        rig.faults(new FaultSettings(true, 0, 0, 0));
        Instant now = rig.clock.instant();
        Duration delay = Duration.between(now, rig.sync.runOnce());
        assertTrue(delay.compareTo(Duration.ofSeconds(1)) <= 0, "first failure after recovery waits at most 1 s: " + delay);
    }

    /**
     * Issue 12 (platform storm): settling asks the platform one row at a time, and under a storm one call in two
     * fails. Before, one failed lookup threw away the answers of the lookups before it in the same pass, so ten
     * rows in doubt needed ten good answers in a row (one pass in a thousand) and the outbox never drained.
     */
    @Test
    void settlingUnderAStormKeepsEachAnswerAndFinishes() {
        rig = SyncRig.start(dir, 100);
        List<String> configured = new ArrayList<>();
        outcomes(10, 0, configured, new ArrayList<>());
        rig.faults(new FaultSettings(false, 0, 0, 1.0));
        rig.clock.advanceTo(rig.sync.runOnce());
        assertEquals(10, rig.outbox("sent"), "applied, but no answer: ten rows in doubt");

        rig.faults(new FaultSettings(false, 0, 0.5, 0));
        assertTrue(rig.drain(200), "drained under a storm of 503s; rows still sent: " + rig.outbox("sent"));

        assertEquals(10, rig.sync.stats().reconciled(), "every row confirmed by reading its tag back");
        assertEquals(10, rig.platform().reports("accepted"));
        assertEquals(0, rig.platform().reports("duplicate"), "nothing was sent twice");
        configured.forEach(t -> assertEquals(Optional.of(TagStatus.CONFIGURED), rig.status(t)));
    }

    /**
     * Issue 12 (platform storm): a pass that got answers before its failure is not a failure in a row. Before,
     * every such pass doubled the delay, so a platform answering two calls in three was tried only every
     * backoff maximum (the storm test drained 3,000 outcomes in 59 virtual minutes, now in about 2).
     */
    @Test
    void aPassThePlatformAnsweredPartOfDoesNotGrowTheBackoff() {
        rig = SyncRig.start(dir, 100);
        outcomes(12, 0, new ArrayList<>(), new ArrayList<>());
        rig.faults(new FaultSettings(false, 0, 0, 1.0));
        rig.clock.advanceTo(rig.sync.runOnce());
        rig.faults(FaultSettings.NONE);
        int[] lookups = {0};
        OutcomeSink everyThirdLookupLost = new OutcomeSinkDecorator(new TagbaseSink(rig.openClient())) {
            @Override
            public InDoubt settle(List<com.tagline.station.store.OutboxEntry> inDoubt) {
                if (++lookups[0] % 3 == 0) {
                    throw new com.tagline.station.platform.PlatformUnreachableException("lookup lost", null);
                }
                return super.settle(inDoubt);
            }
        };
        List<Duration> delays = new ArrayList<>();
        try (OutboxSync sync = new OutboxSync(rig.access, everyThirdLookupLost, new SyncPolicy(100, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(8)), com.tagline.hardware.retry.Backoff.exact(
                Duration.ofSeconds(1), Duration.ofSeconds(8)), rig.clock, rig.alarms)) {
            for (int pass = 0; pass < 20 && !sync.drained(); pass++) {
                Instant now = rig.clock.instant();
                Instant due = sync.runOnce();
                delays.add(Duration.between(now, due));
                rig.clock.advanceTo(due);
            }
            assertTrue(sync.drained());
        }
        assertTrue(delays.size() >= 6, "twelve rows, two answers per pass: " + delays);
        delays.forEach(d -> assertTrue(d.compareTo(Duration.ofSeconds(1)) <= 0, "every pass got answers: " + delays));
    }

    /**
     * Issue 12 (clock): the schedule runs on a clock that never steps, and rows waiting out a {@code Retry-After}
     * move with the wall clock when it steps. Before, a wall clock stepped back an hour held every refused row (and
     * the whole sync) for that hour; stepped forward, it sent before {@code Retry-After}.
     */
    @Test
    void aSteppedWallClockNeitherHoldsRowsWaitingOutRetryAfterNorCutsTheWaitShort() {
        rig = SyncRig.start(dir, 100);
        outcomes(3, 1, new ArrayList<>(), new ArrayList<>());
        com.tagline.simulator.line.SimulatedClock elapsed = new com.tagline.simulator.line.SimulatedClock(SyncRig.T0);
        SyncPolicy policy = new SyncPolicy(100, Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(30));
        try (OutboxSync sync = new OutboxSync(rig.access, new TagbaseSink(rig.openClient()), policy,
                com.tagline.hardware.retry.Backoff.exact(Duration.ofMillis(100), Duration.ofSeconds(30)), rig.clock,
                elapsed, rig.alarms)) {
            rig.faults(new FaultSettings(false, 0, 1.0, 0));
            Instant due = sync.runOnce();
            assertEquals(elapsed.instant().plusSeconds(1), due, "Retry-After: 1, on the elapsed clock");
            rig.faults(FaultSettings.NONE);

            rig.clock.advance(Duration.ofHours(-1)); // the wall clock is stepped back; elapsed time goes on
            bothMove(elapsed, Duration.ofMillis(500));
            assertEquals(due, sync.runOnce(), "half the Retry-After is left, whatever the wall clock says");
            assertEquals(0, rig.platform().reports("accepted"));
            bothMove(elapsed, Duration.ofMillis(500));
            sync.runOnce();
            assertEquals(4, rig.platform().reports("accepted"), "sent once Retry-After ran out, not an hour later");

            Instant before = rig.clock.instant();
            rig.configure(rig.seedAndLease(1).get(0));
            elapsed.advance(Duration.between(before, rig.clock.instant()));
            rig.faults(new FaultSettings(false, 0, 1.0, 0));
            sync.runOnce();
            rig.faults(FaultSettings.NONE);
            rig.clock.advance(Duration.ofHours(2)); // stepped forward: the wait is not cut short
            bothMove(elapsed, Duration.ofMillis(900));
            sync.runOnce();
            assertEquals(4, rig.platform().reports("accepted"), "nothing sent before Retry-After");
            bothMove(elapsed, Duration.ofMillis(100));
            sync.runOnce();
            assertEquals(5, rig.platform().reports("accepted"));
        }
    }

    /**
     * A platform's {@code Retry-After} beyond an hour (here the largest number a header can carry) is waited out for an
     * hour, then the rows go. Before, the delay overflowed the clocks' arithmetic: the refused pass threw, and the rows
     * stayed behind a header no station could honour.
     */
    @Test
    void aRetryAfterBeyondAnHourIsWaitedOutForAnHourAndTheRowsThenGo() {
        rig = SyncRig.start(dir, 100);
        outcomes(3, 1, new ArrayList<>(), new ArrayList<>());
        com.tagline.simulator.line.SimulatedClock elapsed = new com.tagline.simulator.line.SimulatedClock(SyncRig.T0);
        SyncPolicy policy = new SyncPolicy(100, Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(30));
        boolean[] refused = {false};
        OutcomeSink refusingOnce = new OutcomeSinkDecorator(new TagbaseSink(rig.openClient())) {
            @Override
            public List<Delivery> deliver(List<com.tagline.station.store.OutboxEntry> rows) {
                if (!refused[0]) {
                    refused[0] = true;
                    throw new com.tagline.station.platform.PlatformStatusException("POST /api/v1/tag_configurations",
                            new com.tagline.station.platform.HttpTransport.Response(503, "9223372036854775807",
                                    new byte[0]), "maintenance");
                }
                return super.deliver(rows);
            }
        };
        try (OutboxSync sync = new OutboxSync(rig.access, refusingOnce, policy,
                com.tagline.hardware.retry.Backoff.exact(Duration.ofMillis(100), Duration.ofSeconds(30)), rig.clock,
                elapsed, rig.alarms)) {
            Instant due = sync.runOnce();
            assertEquals(elapsed.instant().plus(Duration.ofHours(1)), due, "the header's wait, capped at an hour");
            bothMove(elapsed, Duration.ofMinutes(59));
            sync.runOnce();
            assertEquals(0, rig.platform().reports("accepted"), "nothing sent within the hour");
            bothMove(elapsed, Duration.ofMinutes(1));
            sync.runOnce();
            assertEquals(4, rig.platform().reports("accepted"), "sent once the hour ran out");
        }
    }

    /**
     * Rows refused while the wall clock ran 3 h ahead, then a restart after NTP stepped it back (the step happened
     * while the station was down, where the running sync could not follow it): the rows go at the first pass instead
     * of waiting 3 h. Before, their stored due times held them for the length of the step.
     */
    @Test
    void rowsStoredWhileTheClockRanAheadAreNotHeldAfterARestartWithTheClockSetRight() {
        rig = SyncRig.start(dir, 100);
        outcomes(3, 1, new ArrayList<>(), new ArrayList<>());
        SyncPolicy policy = new SyncPolicy(100, Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(30));
        rig.clock.advance(Duration.ofHours(3)); // the wall clock runs 3 h ahead
        try (OutboxSync sync = new OutboxSync(rig.access, new TagbaseSink(rig.openClient()), policy,
                com.tagline.hardware.retry.Backoff.exact(Duration.ofMillis(100), Duration.ofSeconds(30)), rig.clock,
                rig.clock, rig.alarms)) {
            rig.faults(new FaultSettings(false, 0, 1.0, 0)); // 503, Retry-After: 1
            sync.runOnce();
            rig.faults(FaultSettings.NONE);
        }
        assertEquals(0, rig.platform().reports("accepted"));
        rig.clock.advance(Duration.ofHours(-3)); // set right while the station was down
        com.tagline.simulator.line.SimulatedClock elapsed = new com.tagline.simulator.line.SimulatedClock(SyncRig.T0);
        try (OutboxSync sync = new OutboxSync(rig.access, new TagbaseSink(rig.openClient()), policy,
                com.tagline.hardware.retry.Backoff.exact(Duration.ofMillis(100), Duration.ofSeconds(30)), rig.clock,
                elapsed, rig.alarms)) {
            sync.runOnce();
            assertEquals(4, rig.platform().reports("accepted"), "sent at the first pass after the restart");
        }
    }

    /** Time passes: the wall clock and the elapsed clock move together. */
    private void bothMove(com.tagline.simulator.line.SimulatedClock elapsed, Duration by) {
        rig.clock.advance(by);
        elapsed.advance(by);
    }

    @Test
    void aStormOf503sAppliesNothingAndNeverRetriesBeforeRetryAfter() {
        rig = SyncRig.start(dir, new SyncPolicy(100, Duration.ofSeconds(1), Duration.ofMillis(100),
                Duration.ofSeconds(30)), com.tagline.station.workflow.LeasePolicy.of(List.of(SyncRig.P424)), 10_000);
        List<String> configured = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        outcomes(3, 1, configured, failed);

        rig.faults(new FaultSettings(false, 0, 1.0, 0));
        for (int storm = 0; storm < 3; storm++) {
            long refusedBefore = rig.sync.stats().refusedBatches();
            Instant now = rig.clock.instant();
            Instant due = rig.sync.runOnce();
            assertEquals(refusedBefore + 1, rig.sync.stats().refusedBatches());
            assertTrue(!due.isBefore(now.plusSeconds(1)), "Retry-After: 1 is honoured, due " + due + " now " + now);
            assertEquals(4, rig.outbox("pending"), "refused rows go back to pending");
            assertEquals(List.of(), rig.store.outbox().pending(100), "no row is due before Retry-After");
            for (long id : rig.rows) {
                assertTrue(!rig.row(id).nextAttemptAt().isBefore(now.plusSeconds(1)), "row " + id + " waits");
                assertEquals(OutboxState.PENDING, rig.row(id).state());
            }
            assertTrue(rig.alarms.isRaised(Alarm.OFFLINE));

            rig.clock.advance(Duration.ofMillis(500));
            long batches = rig.sync.stats().batches();
            rig.sync.runOnce();
            assertEquals(batches, rig.sync.stats().batches(), "no request before Retry-After");
            rig.clock.advanceTo(due);
        }
        assertEquals(0, rig.platform().reports("accepted") + rig.platform().reports("duplicate"));
        assertEquals(0, rig.platform().tags("configured"));

        rig.faults(FaultSettings.NONE);
        assertTrue(rig.drain(10));
        assertEquals(4, rig.outbox("confirmed"));
        assertEquals(4, rig.platform().reports("accepted"));
        assertEquals(0, rig.platform().reports("duplicate"));
        assertEquals(3, rig.platform().tags("configured"));
        assertFalse(rig.alarms.isRaised(Alarm.OFFLINE));
        rig.store.outbox().counts().keySet().forEach(s -> assertTrue(
                s.equals(OutboxState.CONFIRMED.code()), "only confirmed rows remain: " + s));
    }
}
