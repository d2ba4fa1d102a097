package com.tagline.station.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.simulator.platform.FaultSettings;
import com.tagline.simulator.platform.tagbase.ReportResult;
import com.tagline.simulator.platform.tagbase.TagStatus;
import com.tagline.simulator.platform.tagbase.TagbaseState;
import com.tagline.station.platform.tagbase.LeasedTag;
import com.tagline.station.store.DatabaseCheck;
import com.tagline.station.store.OutboxState;
import com.tagline.station.workflow.LeasePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, faults beyond kill -9, platform: the real {@link OutboxSync}, {@link TagbaseSink} and SQLite store
 * against the tagbase emulator over loopback, on a virtual clock, through the platform faults of platform-api §1.4.
 *
 * <p>A 24-hour {@code outage} (every call's connection closed) while the station buffers 50,000 outcomes, an
 * hour's share at a time, then every outcome delivered exactly once when the platform returns: the sync's
 * defaults (batches of 100, backoff 0.5 s doubling to 60 s), the outbox limit raised to hold a day.
 *
 * <p>A storm: 20 % of calls refused (503 with {@code Retry-After: 1}, 429 with {@code Retry-After: 2}) and 10 %
 * applied with their answer dropped. Nothing may be applied twice, nothing lost: the emulator's ledger answers
 * {@code accepted} exactly once per tag, {@code duplicate} only for a tag whose earlier send got no answer, never
 * {@code conflict}; it configures exactly the configured chips, with their UIDs; no call comes before a
 * refusal's {@code Retry-After}.
 */
class PlatformFaultsTest {
    private static final int DAY_OUTCOMES = 50_000;
    private static final int HOURS = 24;
    private static final int DAY_FAIL_EVERY = 20;
    private static final int OUTCOMES = 5_000;
    private static final int FAIL_EVERY = 10;

    @TempDir
    Path dir;

    private SyncRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void fiftyThousandOutcomesBufferedThroughADayOfOutageAreDeliveredExactlyOnce() {
        SyncPolicy policy = SyncPolicy.defaults();
        rig = SyncRig.start(dir, policy, new LeasePolicy(List.of(SyncRig.P424), 0, 500, Duration.ofHours(2),
                Duration.ofSeconds(5)), 60_000);
        rig.emulator.seedTags(rig.apiKey(), DAY_OUTCOMES, SyncRig.P424, "https://t.example/o");
        List<LeasedTag> tags = rig.leaseAll(DAY_OUTCOMES);
        RecordingSink sink = new RecordingSink(new TagbaseSink(rig.openClient()), rig.clock);
        try (OutboxSync sync = new OutboxSync(rig.access, sink, policy, policy.backoff(new Random(24)), rig.clock,
                rig.alarms)) {
            rig.faults(new FaultSettings(true, 0, 0, 0));
            Instant outageStart = rig.clock.instant();
            long wall0 = System.nanoTime();
            for (int hour = 0; hour < HOURS; hour++) {
                int from = DAY_OUTCOMES * hour / HOURS;
                rig.importOutcomes(tags.subList(from, DAY_OUTCOMES * (hour + 1) / HOURS), DAY_FAIL_EVERY);
                runUntil(sync, outageStart.plus(Duration.ofHours(hour + 1)));
                assertTrue(rig.alarms.isRaised(Alarm.OFFLINE), "OFFLINE all through the outage");
            }
            double outageWall = (System.nanoTime() - wall0) / 1e9;
            List<Instant> calls = sink.calls();
            Duration longestGap = longestGap(calls);
            assertEquals(0, rig.platform().reports("accepted"), "an outage applies nothing");
            assertEquals(DAY_OUTCOMES, rig.outbox("pending") + rig.outbox("sent"), "every outcome waits on disk");
            assertTrue(longestGap.compareTo(policy.backoffMax()) <= 0, "tried at least every backoff maximum: "
                    + longestGap);
            assertTrue(calls.size() < 2 * HOURS * 3600 / policy.backoffMax().toSeconds() + 50,
                    "the platform was not hammered: " + calls.size() + " calls");

            rig.faults(FaultSettings.NONE);
            long drain0 = System.nanoTime();
            Instant back = rig.clock.instant();
            runUntilDrained(sync, 5_000);
            double drainWall = (System.nanoTime() - drain0) / 1e9;
            System.out.printf("outage: %d outcomes buffered over %d h (%.1f s wall), %d calls while down, longest gap"
                    + " %s; after it: drained in %s virtual, %.1f s wall, %d batches, %d accepted, %d duplicate,"
                    + " %d reconciled; backlog age at return %s%n", DAY_OUTCOMES, HOURS, outageWall, calls.size(),
                    longestGap, Duration.between(back, rig.clock.instant()), drainWall, sync.stats().batches(),
                    sync.stats().accepted(), sync.stats().duplicates(), sync.stats().reconciled(),
                    Duration.between(outageStart, back));
            assertTrue(sync.drained());
            assertFalse(rig.alarms.isRaised(Alarm.OFFLINE));
            assertTrue(Duration.between(back, rig.clock.instant()).compareTo(Duration.ofMinutes(5)) < 0,
                    "the day's backlog drains in minutes once the platform is back");
        }
        assertExactlyOnce(tags, sink);
        assertEquals(0, rig.platform().reports("duplicate"), "the outage applied nothing, so nothing repeats");
    }

    private void runUntil(OutboxSync sync, Instant end) {
        while (rig.clock.instant().isBefore(end)) {
            Instant due = sync.runOnce();
            rig.clock.advanceTo(due.isAfter(end) ? end : due);
        }
    }

    private void runUntilDrained(OutboxSync sync, int maxPasses) {
        for (int pass = 0; pass < maxPasses && !sync.drained(); pass++) {
            rig.clock.advanceTo(sync.runOnce());
        }
    }

    private static Duration longestGap(List<Instant> calls) {
        Duration longest = Duration.ZERO;
        for (int i = 1; i < calls.size(); i++) {
            Duration gap = Duration.between(calls.get(i - 1), calls.get(i));
            longest = gap.compareTo(longest) > 0 ? gap : longest;
        }
        return longest;
    }

    @Test
    void aStormOfRefusalsAndLostAnswersAppliesEveryOutcomeExactlyOnce() {
        SyncPolicy policy = new SyncPolicy(50, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(60));
        rig = SyncRig.start(dir, policy, LeasePolicy.of(List.of(SyncRig.P424)), 10_000);
        rig.emulator.seedTags(rig.apiKey(), OUTCOMES, SyncRig.P424, "https://t.example/s");
        List<LeasedTag> tags = rig.leaseAll(OUTCOMES);
        rig.importOutcomes(tags, FAIL_EVERY);
        RecordingSink sink = new RecordingSink(new TagbaseSink(rig.openClient()), rig.clock);
        long wall0 = System.nanoTime();
        Instant start = rig.clock.instant();
        int passes = 0;
        try (OutboxSync sync = new OutboxSync(rig.access, sink, policy, policy.backoff(new Random(12)), rig.clock,
                rig.alarms)) {
            rig.faults(new FaultSettings(false, 0, 0.10, 0.10, 0.10 / 0.9));
            while (!sync.drained() && passes < 20_000) {
                rig.clock.advanceTo(sync.runOnce());
                passes++;
            }
            Duration virtual = Duration.between(start, rig.clock.instant());
            double wallSeconds = (System.nanoTime() - wall0) / 1e9;
            System.out.printf("storm: %d outcomes drained in %d passes, %s virtual, %.1f s wall; calls %d: answered %d,"
                    + " 503 %d, 429 %d, unanswered %d, settle answered %d, settle 503 %d, settle 429 %d,"
                    + " settle unanswered %d; station saw %d accepted, %d duplicate, %d reconciled%n", OUTCOMES,
                    passes, virtual, wallSeconds, sink.calls().size(), sink.count("answered"),
                    sink.count("refused_503"), sink.count("refused_429"), sink.count("unanswered"),
                    sink.count("settle_answered"), sink.count("settle_refused_503"), sink.count("settle_refused_429"),
                    sink.count("settle_unanswered"), sync.stats().accepted(), sync.stats().duplicates(),
                    sync.stats().reconciled());
            assertTrue(sync.drained(), "the outbox drained within " + passes + " passes");
            assertTrue(virtual.compareTo(Duration.ofMinutes(10)) < 0, "drained in " + virtual + " of virtual time");
            assertTrue(sink.count("refused_503") + sink.count("settle_refused_503") > 0, "the storm refused calls");
            assertTrue(sink.count("refused_429") + sink.count("settle_refused_429") > 0, "the storm throttled calls");
            assertTrue(sink.count("unanswered") > 0, "the storm dropped answers");
            assertFalse(rig.alarms.isRaised(Alarm.OFFLINE), "the platform answers again: no OFFLINE");
        }
        int duplicates = assertExactlyOnce(tags, sink);
        System.out.printf("storm ledger: %d accepted, %d duplicate (%d tags sent without an answer), %d configured,"
                + " 0 conflicts%n", OUTCOMES, duplicates, sink.sentWithoutAnswer().size(), rig.platform().tags("configured"));
        assertNoCallBeforeRetryAfter(sink);
    }

    /**
     * The emulator's ledger against the station's: one {@code accepted} answer per tag, {@code duplicate} only for
     * a tag the station once sent without getting an answer, no conflict or rejection; the configured tags are
     * exactly the configured outcomes, each with its chip's UID; every outbox row confirmed; the database sound.
     *
     * @return the duplicate answers
     */
    private int assertExactlyOnce(List<LeasedTag> tags, RecordingSink sink) {
        TagbaseState p = rig.platform();
        assertEquals(tags.size(), p.reports("accepted"), "one accepted report per outcome");
        assertEquals(List.of(), p.conflicts());
        assertEquals(0, p.reports("rejected"));
        assertTrue(!rig.failedTags().isEmpty(), "the backlog holds failed chips too");
        assertEquals(tags.size() - rig.failedTags().size(), p.tags("configured"), "configured tags == configured outcomes");
        int duplicates = 0;
        for (LeasedTag t : tags) {
            List<ReportResult.Kind> answers = rig.emulator.reportAnswers(t.id());
            assertEquals(1, answers.stream().filter(k -> k == ReportResult.Kind.ACCEPTED).count(), t.id() + ": " + answers);
            long dups = answers.stream().filter(k -> k == ReportResult.Kind.DUPLICATE).count();
            assertTrue(dups == 0 || sink.sentWithoutAnswer().contains(t.id()),
                    t.id() + " answered duplicate though every send of it was answered: " + answers);
            duplicates += (int) dups;
            boolean failed = rig.failedTags().contains(t.id());
            assertEquals(Optional.of(failed ? TagStatus.CREATED : TagStatus.CONFIGURED), rig.status(t.id()));
            if (!failed) {
                assertEquals(rig.uidOf(t.id()), rig.emulator.tag(t.id()).orElseThrow().uid());
            }
        }
        assertEquals(duplicates, p.reports("duplicate"));
        assertEquals(tags.size(), rig.outbox(OutboxState.CONFIRMED.code()), "every row confirmed, none quarantined");
        assertEquals(List.of("ok"), DatabaseCheck.integrity(dir.resolve("station.db")));
        return duplicates;
    }

    /** After a refusal with {@code Retry-After: s}, the station's next call comes s or more later. */
    private static void assertNoCallBeforeRetryAfter(RecordingSink sink) {
        List<Instant> calls = sink.calls();
        for (RecordingSink.Refusal r : sink.refusals()) {
            Instant earliest = r.at().plus(r.retryAfter().orElse(Duration.ZERO));
            calls.stream().filter(c -> c.isAfter(r.at())).findFirst().ifPresent(next -> assertFalse(
                    next.isBefore(earliest), "a call at " + next + " after a " + r.status() + " at " + r.at()
                            + " with Retry-After " + r.retryAfter().orElseThrow()));
        }
        assertTrue(sink.refusals().stream().allMatch(r -> r.retryAfter().isPresent()), "every refusal said when");
    }
}
