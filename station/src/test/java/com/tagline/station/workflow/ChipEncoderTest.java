package com.tagline.station.workflow;

import static com.tagline.station.workflow.WorkflowFixture.P223;
import static com.tagline.station.workflow.WorkflowFixture.P424;
import static com.tagline.station.workflow.WorkflowFixture.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.hardware.tag.ForwardingTagLink;
import com.tagline.hardware.tag.TagLink;
import com.tagline.simulator.field.TearPoint;
import com.tagline.simulator.ntag223.SimulatedNtag223Link;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.station.personalize.Reason;
import com.tagline.station.store.AttemptState;
import com.tagline.station.store.Holds;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-chip workflow against a real SQLite file and simulated chips (issue 6, architecture §5). */
class ChipEncoderTest {
    @TempDir
    Path dir;

    private Store store;
    private final Alarms alarms = new Alarms();
    private final WorkflowFixture.TestAntenna antenna = new WorkflowFixture.TestAntenna();

    @BeforeEach
    void open() {
        store = WorkflowFixture.store(dir.resolve("station.db"), WorkflowFixture.clock());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ChipEncoder encoder(Map<ChipProtocol, ChipRecipe> recipes, EncodingPolicy policy, Clock clock) {
        return new ChipEncoder(StoreAccess.direct(store), recipes, policy, 3, clock, alarms);
    }

    private ChipEncoder encoder() {
        return encoder(WorkflowFixture.recipes(), EncodingPolicy.defaults(), WorkflowFixture.clock());
    }

    @Test
    void configuredChipQueuesItsOutcomeAndUsesUpTheTag() {
        store.jobs().record(List.of(job("tag_a", P424), job("tag_b", P424)));
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        EncodeOutcome o = encoder().encode(antenna.present(chip));
        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        assertEquals("tag_a", o.tagId().orElseThrow(), "oldest leased tag first");
        assertTrue(o.tagFinal());
        List<OutboxEntry> pending = store.outbox().pending(10);
        assertEquals(1, pending.size());
        assertEquals(Outcome.CONFIGURED, pending.get(0).outcome());
        assertEquals(chip.chip().uidHex(), pending.get(0).chipUid());
        assertEquals(3, pending.get(0).keySetVersion().getAsInt());
        assertFalse(store.jobs().isAvailable("tag_a"));
        assertTrue(store.jobs().isAvailable("tag_b"));
        assertEquals(List.of("tag_a"), store.configuredChips().stream().map(c -> c.tagId()).toList());
    }

    @Test
    void failedChipIsRejectedAndItsTagGoesToTheNextChip() {
        store.jobs().record(List.of(job("tag_a", P424)));
        EncodeOutcome bad = encoder().encode(antenna.present(WorkflowFixture.counterfeit424(1)));
        assertEquals(Reason.COUNTERFEIT, bad.reason());
        assertFalse(bad.tagFinal(), "the tag is retried on the next chip");
        assertTrue(store.outbox().pending(10).isEmpty(), "nothing reported while attempts remain");
        EncodeOutcome good = encoder().encode(antenna.present(WorkflowFixture.blank424(2)));
        assertEquals(Reason.CONFIGURED, good.reason(), good.detail());
        assertEquals("tag_a", good.tagId().orElseThrow());
        OutboxEntry e = store.outbox().pending(10).get(0);
        assertEquals(2, e.attempts(), "the report says how many chips the tag took");
    }

    @Test
    void tagIsReportedFailedWithTheLastReasonWhenAttemptsRunOut() {
        store.jobs().record(List.of(job("tag_a", P424)));
        ChipEncoder encoder = encoder(WorkflowFixture.recipes(), new EncodingPolicy(2, 1, Duration.ofMinutes(5)),
                WorkflowFixture.clock());
        assertFalse(encoder.encode(antenna.present(WorkflowFixture.counterfeit424(1))).tagFinal());
        EncodeOutcome last = encoder.encode(antenna.present(WorkflowFixture.counterfeit424(2)));
        assertTrue(last.tagFinal());
        OutboxEntry e = store.outbox().pending(10).get(0);
        assertEquals(Outcome.FAILED, e.outcome());
        assertEquals("counterfeit", e.reason());
        assertEquals(2, e.attempts());
        assertFalse(store.jobs().isAvailable("tag_a"));
    }

    @Test
    void tornChipStillAtTheAntennaIsReactivatedAndResumes() {
        store.jobs().record(List.of(job("tag_a", P424)));
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        chip.tearNext(0xC4, TearPoint.AFTER_APPLY); // ChangeKey applied, answer lost (DS §10.6.1)
        EncodeOutcome o = encoder().encode(antenna.present(chip).comesBack(true));
        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        assertTrue(o.resumed());
        assertEquals(1, antenna.reactivations);
        assertEquals(2, store.outbox().pending(10).get(0).attempts(), "the torn attempt counts");
    }

    @Test
    void chipThatLeftTheFieldIsTagLostAndTheTagStaysOpen() {
        store.jobs().record(List.of(job("tag_a", P424)));
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        chip.tearNext(0x5F, TearPoint.BEFORE_APPLY);
        EncodeOutcome o = encoder().encode(antenna.present(chip).comesBack(false));
        assertEquals(Reason.TAG_LOST, o.reason());
        assertFalse(o.tagFinal());
        assertTrue(store.jobs().isAvailable("tag_a"));
    }

    /** Issue 12: before, the next chip was handed tag_a while the first chip already carried it. */
    @Test
    void aChipLostAfterItTookItsTagKeepsItTheNextChipTakesAnotherAndTheFirstResumesWhenBack() {
        store.jobs().record(List.of(job("tag_a", P424), job("tag_b", P424)));
        SimulatedNtag424Link first = WorkflowFixture.blank424(1);
        first.tearNext(0xC4, TearPoint.BEFORE_APPLY); // after ChangeFileSettings, the first irreversible step
        ChipEncoder encoder = encoder();
        EncodeOutcome lost = encoder.encode(antenna.present(first).comesBack(false));
        assertEquals(Reason.TAG_LOST, lost.reason());
        assertFalse(lost.tagFinal());
        assertTrue(lost.detail().contains("tag tag_a stays with this chip"), lost.detail());
        assertTrue(alarms.raised().get(Alarm.CHIP_AWAITED).contains(first.chip().uidHex()), alarms.raised().toString());

        EncodeOutcome other = encoder.encode(antenna.present(WorkflowFixture.blank424(2)));
        assertEquals(Reason.CONFIGURED, other.reason(), other.detail());
        assertEquals("tag_b", other.tagId().orElseThrow(), "tag_a belongs to the first chip");

        first.putBack();
        EncodeOutcome back = encoder.encode(antenna.present(first));
        assertEquals(Reason.CONFIGURED, back.reason(), back.detail());
        assertEquals("tag_a", back.tagId().orElseThrow());
        assertTrue(back.resumed(), "resumed from what the chip shows, never re-encoded");
        assertFalse(alarms.isRaised(Alarm.CHIP_AWAITED));
        assertEquals(2, store.outbox().pending(10).size());
    }

    /**
     * Issue 12: after a restart (a power cut after the chip was lost and recorded, so nothing is in flight) the
     * station says at once which chip it waits for; it used to stay silent until the next chip was placed.
     */
    @Test
    void afterARestartTheStationSaysAtOnceWhichChipItWaitsFor() {
        store.jobs().record(List.of(job("tag_a", P424)));
        SimulatedNtag424Link first = WorkflowFixture.blank424(1);
        first.tearNext(0xC4, TearPoint.BEFORE_APPLY); // after ChangeFileSettings, the first irreversible step
        assertEquals(Reason.TAG_LOST, encoder().encode(antenna.present(first).comesBack(false)).reason());
        assertTrue(store.attemptsInFlight().isEmpty(), "the loss was recorded before the power cut");

        Alarms afterRestart = new Alarms();
        ChipEncoder restarted = new ChipEncoder(StoreAccess.direct(store), WorkflowFixture.recipes(),
                EncodingPolicy.defaults(), 3, WorkflowFixture.clock(), afterRestart);
        antenna.empty();
        assertTrue(restarted.recover(antenna).isEmpty());
        assertTrue(afterRestart.isRaised(Alarm.CHIP_AWAITED), "raised before any chip is placed");
        assertTrue(afterRestart.raised().get(Alarm.CHIP_AWAITED).contains(first.chip().uidHex()),
                afterRestart.raised().toString());
    }

    @Test
    void aChipThatTookItsTagAndIsRejectedByTheGateGivesItToTheNextChipAndTheRecordNamesBoth() {
        store.jobs().record(List.of(job("tag_a", P424)));
        SimulatedNtag424Link first = WorkflowFixture.blank424(1);
        first.tearNext(0xC4, TearPoint.AFTER_APPLY);
        ChipEncoder encoder = encoder();
        assertEquals(Reason.TAG_LOST, encoder.encode(antenna.present(first).comesBack(false)).reason());
        assertEquals(Reason.NO_JOB, encoder.encode(antenna.present(WorkflowFixture.blank424(2))).reason(),
                "the only tag waits for its chip");

        assertEquals(Optional.of("tag_a"), encoder.release(first.chip().uidHex(), Holds.REJECTED_BY_GATE));
        SimulatedNtag424Link second = WorkflowFixture.blank424(2);
        EncodeOutcome next = encoder.encode(antenna.present(second));
        assertEquals(Reason.CONFIGURED, next.reason(), next.detail());
        assertEquals("tag_a", next.tagId().orElseThrow());
        assertTrue(next.detail().contains(first.chip().uidHex() + " (" + Holds.REJECTED_BY_GATE + ")"), next.detail());
        OutboxEntry report = store.outbox().pending(10).get(0);
        assertEquals(second.chip().uidHex(), report.chipUid(), "the platform is told the chip that ships");
        assertEquals(2, report.attempts(), "and how many chips the tag took");
        assertEquals(List.of(first.chip().uidHex() + " (" + Holds.REJECTED_BY_GATE + ")"),
                store.holds().releases("tag_a"));
        assertTrue(encoder.release(first.chip().uidHex(), Holds.REJECTED_BY_GATE).isEmpty(), "released once");
    }

    @Test
    void whenTheLastChipATagMayTakeIsReleasedTheTagsFailedOutcomeIsQueued() {
        store.jobs().record(List.of(job("tag_a", P424)));
        ChipEncoder encoder = encoder(WorkflowFixture.recipes(), new EncodingPolicy(1, 0, Duration.ZERO),
                WorkflowFixture.clock());
        SimulatedNtag424Link first = WorkflowFixture.blank424(1);
        first.tearNext(0xC4, TearPoint.AFTER_APPLY);
        EncodeOutcome lost = encoder.encode(antenna.present(first).comesBack(false));
        assertFalse(lost.tagFinal(), "a tag held by its chip is never closed while the chip may come back");
        assertTrue(store.outbox().pending(10).isEmpty());
        encoder.release(first.chip().uidHex(), Holds.SCRAPPED_BY_OPERATOR);
        OutboxEntry e = store.outbox().pending(10).get(0);
        assertEquals(Outcome.FAILED, e.outcome());
        assertEquals("tag_lost", e.reason());
        assertFalse(store.jobs().isAvailable("tag_a"));
    }

    /**
     * A UID the store holds as configured is not proof of a configured chip: the chip is checked again as after
     * personalizing (its SUN read, so its counter moves), and another chip showing that UID, blank, is rejected
     * without a byte written and without a tag (found by a new user: it passed on its UID alone).
     */
    @Test
    void aChipShowingTheUidOfAConfiguredNtag424IsCheckedAgainAndABlankCopyIsRejectedUnwritten() {
        store.jobs().record(List.of(job("tag_a", P424), job("tag_b", P424)));
        SimulatedNtag424Link original = WorkflowFixture.blank424(1);
        assertEquals(Reason.CONFIGURED, encoder().encode(antenna.present(original)).reason());
        int reads = original.chip().sdmReadCounter();
        EncodeOutcome again = encoder().encode(antenna.present(original));
        assertEquals(Reason.CONFIGURED, again.reason(), again.detail());
        assertTrue(original.chip().sdmReadCounter() > reads, "checked again: its SUN was read");

        SimulatedNtag424Link copy = WorkflowFixture.blank424(1);
        EncodeOutcome o = encoder().encode(antenna.present(copy));
        assertEquals(Reason.VERIFY_MISMATCH, o.reason(), o.detail());
        assertTrue(o.detail().contains("was configured for tag tag_a, but this chip does not check out"), o.detail());
        assertTrue(o.tagId().isEmpty(), "the copy takes no tag");
        assertFalse(o.tagFinal());
        for (int k = 0; k < 5; k++) {
            assertEquals(0, copy.chip().keyVersion(k), "key " + k + " of the copy untouched");
        }
        assertEquals(1, store.outbox().pending(10).size(), "the platform was told once, about the original");
        assertTrue(store.jobs().isAvailable("tag_b"));
    }

    /**
     * A configured chip whose check again fails on the way (here its ReadData answered 91 9D) keeps that failure's
     * reason: only a step the check refused (a chip that would need writing) says verify_mismatch. Before, every
     * chip_error of the check was reported as verify_mismatch, a copy, although nothing said the chip was one.
     */
    @Test
    void aConfiguredChipWhoseCheckFailsOnTheWayIsNotCalledACopy() {
        SimulatedNtag424Link original = configuredFor("tag_a");
        TagLink refusingRead = new ForwardingTagLink(original) {
            @Override
            public byte[] transceive(byte[] apdu) {
                byte[] answer = super.transceive(apdu);
                return (apdu[1] & 0xFF) == 0xAD ? new byte[] {(byte) 0x91, (byte) 0x9D} : answer; // ReadData (DS §10.8.2)
            }
        };
        EncodeOutcome o = encoder().encode(antenna.present(refusingRead, original.chip().uidHex(), P424, original::putBack));
        assertEquals(Reason.CHIP_ERROR, o.reason(), o.detail());
        assertTrue(o.tagId().isEmpty() && !o.tagFinal(), o.detail());
        assertEquals(1, store.outbox().pending(10).size(), "nothing reported again");
    }

    /**
     * A configured chip lost during its check again (the ReadData of its SUN torn) and still at the antenna is
     * activated again in place and checked from the start, as a torn chip resumes while encoding. Before, it was
     * tag_lost and the gate put a good chip in the reject bin.
     */
    @Test
    void aConfiguredChipLostDuringItsCheckIsActivatedAgainAndPasses() {
        SimulatedNtag424Link original = configuredFor("tag_a");
        original.tearNext(0xAD, TearPoint.AFTER_APPLY); // ReadData (DS §10.8.1): the SUN read, answer lost
        int before = antenna.reactivations;
        EncodeOutcome o = encoder().encode(antenna.present(original).comesBack(true));
        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        assertTrue(o.detail().contains("checked again; not reported again"), o.detail());
        assertEquals(before + 1, antenna.reactivations);
        assertEquals(1, store.outbox().pending(10).size(), "nothing reported again");
    }

    /** The same chip lost for good during its check stays tag_lost: it may be presented again. */
    @Test
    void aConfiguredChipThatLeavesDuringItsCheckIsTagLostAndNothingIsReported() {
        SimulatedNtag424Link original = configuredFor("tag_a");
        original.tearNext(0xAD, TearPoint.BEFORE_APPLY);
        EncodeOutcome o = encoder().encode(antenna.present(original).comesBack(false));
        assertEquals(Reason.TAG_LOST, o.reason(), o.detail());
        assertTrue(o.detail().contains("present it again"), o.detail());
        assertEquals(1, store.outbox().pending(10).size(), "nothing reported again");
    }

    /** An NTAG 424 DNA configured for {@code tagId} here, its outcome queued. */
    private SimulatedNtag424Link configuredFor(String tagId) {
        store.jobs().record(List.of(job(tagId, P424)));
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        assertEquals(Reason.CONFIGURED, encoder().encode(antenna.present(chip)).reason());
        return chip;
    }

    @Test
    void aBlankCopyOfAConfiguredNtag223sUidIsRejectedUnwritten() {
        store.jobs().record(List.of(job("tag_a", P223)));
        assertEquals(Reason.CONFIGURED, encoder().encode(antenna.present(WorkflowFixture.blank223(1))).reason());
        SimulatedNtag223Link copy = WorkflowFixture.blank223(1);
        String keyBefore = copy.chip().sunKeyCheckValue();
        EncodeOutcome o = encoder().encode(antenna.present(copy));
        assertEquals(Reason.VERIFY_MISMATCH, o.reason(), o.detail());
        assertEquals(keyBefore, copy.chip().sunKeyCheckValue(), "the copy's SUN key untouched");
        assertEquals(1, store.outbox().pending(10).size());
    }

    @Test
    void returningChipResumesOnItsOwnTagAndNeverServesAnother() {
        store.jobs().record(List.of(job("tag_a", P424), job("tag_b", P424)));
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        chip.tearNext(0xC4, TearPoint.AFTER_APPLY);
        assertEquals(Reason.TAG_LOST, encoder().encode(antenna.present(chip).comesBack(false)).reason());
        chip.putBack(); // the operator puts the chip on the antenna again later
        EncodeOutcome o = encoder().encode(antenna.present(chip));
        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        assertEquals("tag_a", o.tagId().orElseThrow(), "a chip keeps the tag it was first bound to");
        EncodeOutcome again = encoder().encode(antenna.present(chip));
        assertEquals(Reason.CONFIGURED, again.reason());
        assertFalse(again.tagFinal(), "a configured chip seen again is not reported twice");
        assertEquals(1, store.outbox().pending(10).size());
        assertTrue(store.jobs().isAvailable("tag_b"));
    }

    @Test
    void chipOfAKindThisStationDoesNotEncodeIsAWrongChipAndTouchesNoTag() {
        store.jobs().record(List.of(job("tag_a", P424)));
        ChipEncoder only424 = encoder(Map.of(P424, WorkflowFixture.recipes().get(P424)), EncodingPolicy.defaults(),
                WorkflowFixture.clock());
        EncodeOutcome o = only424.encode(antenna.present(WorkflowFixture.blank223(1)));
        assertEquals(Reason.WRONG_CHIP, o.reason());
        assertTrue(o.tagId().isEmpty());
        assertTrue(store.attemptsInFlight().isEmpty());
        assertTrue(store.boundTag(o.uidHex().orElseThrow()).isEmpty());
    }

    @Test
    void eachChipKindTakesATagOfItsOwnProtocol() {
        store.jobs().record(List.of(job("tag_424", P424), job("tag_223", P223)));
        EncodeOutcome o = encoder().encode(antenna.present(WorkflowFixture.blank223(1)));
        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        assertEquals("tag_223", o.tagId().orElseThrow());
    }

    @Test
    void noLeasedTagMeansNoJobAndAnAlarm() {
        EncodeOutcome o = encoder().encode(antenna.present(WorkflowFixture.blank424(1)));
        assertEquals(Reason.NO_JOB, o.reason());
        assertTrue(alarms.isRaised(Alarm.NO_JOB));
        assertTrue(store.boundTag(o.uidHex().orElseThrow()).isEmpty(), "the chip was not touched");
    }

    @Test
    void tagWhoseLeaseExpiredBeyondTheGraceIsNeverUsed() {
        store.jobs().record(List.of(job("tag_a", P424)));
        Clock twoDaysLater = Clock.fixed(WorkflowFixture.T0.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        EncodeOutcome o = encoder(WorkflowFixture.recipes(), EncodingPolicy.defaults(), twoDaysLater)
                .encode(antenna.present(WorkflowFixture.blank424(1)));
        assertEquals(Reason.NO_JOB, o.reason());
        assertTrue(alarms.isRaised(Alarm.LEASE_EXPIRED), alarms.raised().toString());
        assertFalse(store.jobs().isAvailable("tag_a"));
    }

    @Test
    void urlThatCannotFitFailsTheTagAtOnceWithoutTouchingTheChip() {
        String longUrl = "https://tags.example.com/" + "x".repeat(300);
        store.jobs().record(List.of(new com.tagline.station.store.LeasedJob("tag_long", P424, longUrl, "lse_1",
                WorkflowFixture.T0.plusSeconds(3600))));
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        EncodeOutcome o = encoder().encode(antenna.present(chip));
        assertEquals(Reason.URL_TOO_LONG, o.reason());
        assertTrue(o.tagFinal(), "a URL that does not fit will not fit the next chip either");
        assertEquals(0, chip.exchanges());
        assertEquals("url_too_long", store.outbox().pending(10).get(0).reason());
    }

    @Test
    void noChipAtTheAntennaIsReportedAsSuch() {
        EncodeOutcome o = encoder().encode(antenna);
        assertEquals(Reason.TAG_LOST, o.reason());
        assertTrue(o.uidHex().isEmpty());
    }

    @Test
    void recoveryMarksAnAttemptWhoseChipIsGoneInterrupted() {
        store.jobs().record(List.of(job("tag_a", P424)));
        long id = store.beginAttempt("tag_a", "04AAAAAAAAAAAA", P424);
        antenna.present(WorkflowFixture.blank424(1));
        assertTrue(encoder().recover(antenna).isEmpty());
        assertEquals(AttemptState.INTERRUPTED, store.attempt(id).orElseThrow().state());
        assertTrue(store.jobs().isAvailable("tag_a"), "the tag goes to the next chip");
    }

    @Test
    void anAbortBeforeTheNextStepRecordsTheAttemptInterruptedAndTheChipResumesLater() {
        store.jobs().record(List.of(job("tag_a", P424)));
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        int[] steps = {0};
        ChipEncoder encoder = encoder();
        EncodeOutcome aborted = encoder.encode(antenna.present(chip), () -> ++steps[0] > 3); // e-stop after 2 steps
        assertEquals(Reason.INTERRUPTED, aborted.reason(), aborted.detail());
        assertFalse(aborted.tagFinal());
        assertEquals(AttemptState.INTERRUPTED, store.latestAttemptOfChip(chip.chip().uidHex()).orElseThrow().state());
        assertTrue(store.outbox().pending(10).isEmpty(), "never configured, nothing reported");
        chip.putBack();
        EncodeOutcome resumed = encoder.encode(antenna.present(chip));
        assertEquals(Reason.CONFIGURED, resumed.reason(), resumed.detail());
        assertEquals("tag_a", resumed.tagId().orElseThrow());
        assertTrue(resumed.resumed());
    }

    @Test
    void aChipPersonalizedForAnotherTagIsNeverReportedForThisOne() {
        // The chip was personalized for tag_a by a station whose database is gone (or by another station
        // of the same key set); here it is presented for tag_b, whose URL has the same length.
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        try (Store elsewhere = WorkflowFixture.store(dir.resolve("elsewhere.db"), WorkflowFixture.clock())) {
            elsewhere.jobs().record(List.of(job("tag_a", P424)));
            EncodeOutcome first = new ChipEncoder(StoreAccess.direct(elsewhere), WorkflowFixture.recipes(),
                    EncodingPolicy.defaults(), 3, WorkflowFixture.clock(), alarms).encode(antenna.present(chip));
            assertEquals(Reason.CONFIGURED, first.reason(), first.detail());
        }
        store.jobs().record(List.of(job("tag_b", P424)));
        chip.putBack();
        EncodeOutcome o = encoder().encode(antenna.present(chip));
        assertEquals(Reason.VERIFY_MISMATCH, o.reason());
        assertTrue(o.detail().contains("NDEF holds another URL (https://tags.example.com/t/tag_a"), o.detail());
        assertTrue(store.configuredChips().isEmpty(), "tag_b was not configured on tag_a's chip");
    }

    @Test
    void anAbortThatComesAfterTheLastStepLeavesTheConfiguredChipConfigured() {
        store.jobs().record(List.of(job("tag_a", P424)));
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        int[] checks = {0};
        // asked before each of the 8 steps (all false), then once after the recipe returned (true)
        EncodeOutcome o = encoder().encode(antenna.present(chip), () -> ++checks[0] > 8);
        assertEquals(9, checks[0]);
        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        assertTrue(o.tagFinal());
        assertEquals(1, store.outbox().pending(10).size(), "reported as what it is");
        assertFalse(store.jobs().isAvailable("tag_a"), "the tag is not handed to the next chip");
    }

    @Test
    void attemptsPerTagCountChipsNotTheTimesOneChipCameBack() {
        store.jobs().record(List.of(job("tag_a", P424)));
        ChipEncoder encoder = encoder(WorkflowFixture.recipes(), new EncodingPolicy(2, 0, Duration.ZERO),
                WorkflowFixture.clock());
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        chip.tearNext(0xC4, TearPoint.BEFORE_APPLY);
        assertFalse(encoder.encode(antenna.present(chip).comesBack(false)).tagFinal());
        chip.putBack();
        chip.tearNext(0xC4, TearPoint.BEFORE_APPLY); // the same chip, torn again
        EncodeOutcome again = encoder.encode(antenna.present(chip));
        assertEquals(Reason.TAG_LOST, again.reason());
        assertFalse(again.tagFinal(), "one chip so far, however often it came back");
        encoder.release(chip.chip().uidHex(), Holds.SCRAPPED_BY_OPERATOR); // it took the tag: scrapped, it lets go
        EncodeOutcome second = encoder.encode(antenna.present(WorkflowFixture.counterfeit424(2)));
        assertTrue(second.tagFinal(), "the second chip uses up the tag's two chips");
        assertEquals("counterfeit", store.outbox().pending(10).get(0).reason());
    }
}
