package com.tagline.station.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.retry.Backoff;
import com.tagline.simulator.platform.FaultSettings;
import com.tagline.simulator.platform.tagbase.ReportResult;
import com.tagline.simulator.platform.tagbase.TagStatus;
import com.tagline.simulator.platform.tagbase.TagbaseState;
import com.tagline.station.platform.tagbase.LeasedTag;
import com.tagline.station.store.OutboxState;
import com.tagline.station.workflow.LeasePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, faults beyond kill -9, platform: a storm of refusals and lost answers (platform-api §1.4: 20 % of API
 * calls answered 503 or 429 with {@code Retry-After}, 10 % applied but their answer dropped) while the real
 * {@link OutboxSync} drains a backlog through {@link TagbaseSink} into the tagbase emulator over loopback, on a
 * virtual clock. Nothing may be applied twice, nothing lost: the emulator's ledger answers {@code accepted}
 * exactly once per tag, {@code duplicate} only for a tag whose earlier send got no answer, never
 * {@code conflict}; it configures exactly the configured chips, with their UIDs; no call comes before a
 * refusal's {@code Retry-After}.
 */
class PlatformStormTest {
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
        assertLedgerExactlyOnce(tags, sink);
        assertNoCallBeforeRetryAfter(sink);
    }

    private void assertLedgerExactlyOnce(List<LeasedTag> tags, RecordingSink sink) {
        TagbaseState p = rig.platform();
        assertEquals(OUTCOMES, p.reports("accepted"), "one accepted report per outcome");
        assertEquals(List.of(), p.conflicts());
        assertEquals(0, p.reports("rejected"));
        assertEquals(OUTCOMES - OUTCOMES / FAIL_EVERY, p.tags("configured"), "configured tags == configured outcomes");
        int duplicates = 0;
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i).id();
            List<ReportResult.Kind> answers = rig.emulator.reportAnswers(tag);
            assertEquals(1, answers.stream().filter(k -> k == ReportResult.Kind.ACCEPTED).count(), tag + ": " + answers);
            long dups = answers.stream().filter(k -> k == ReportResult.Kind.DUPLICATE).count();
            assertTrue(dups == 0 || sink.sentWithoutAnswer().contains(tag),
                    tag + " answered duplicate though every send of it was answered: " + answers);
            duplicates += (int) dups;
            boolean failed = i % FAIL_EVERY == FAIL_EVERY - 1;
            assertEquals(Optional.of(failed ? TagStatus.CREATED : TagStatus.CONFIGURED), rig.status(tag));
            if (!failed) {
                assertEquals(rig.uidOf(tag), rig.emulator.tag(tag).orElseThrow().uid());
            }
        }
        assertEquals(duplicates, p.reports("duplicate"));
        assertEquals(OUTCOMES, rig.outbox(OutboxState.CONFIRMED.code()), "every row confirmed, none quarantined");
        System.out.printf("storm ledger: %d accepted, %d duplicate (%d tags sent without an answer), %d configured,"
                + " 0 conflicts%n", p.reports("accepted"), duplicates, sink.sentWithoutAnswer().size(),
                p.tags("configured"));
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
