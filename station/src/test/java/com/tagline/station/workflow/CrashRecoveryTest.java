package com.tagline.station.workflow;

import static com.tagline.station.workflow.WorkflowFixture.P223;
import static com.tagline.station.workflow.WorkflowFixture.P424;
import static com.tagline.station.workflow.WorkflowFixture.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.ntag223.SimulatedNtag223Link;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.station.personalize.Reason;
import com.tagline.station.personalize.Step;
import com.tagline.station.store.AttemptRecord;
import com.tagline.station.store.AttemptState;
import com.tagline.station.store.Holds;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A power loss at every point of the workflow (issue 6): the process state is abandoned, the SQLite
 * file and its WAL are taken as the power cut leaves them, the store is reopened, and the same
 * simulated chip is at the antenna. The restart must resolve the attempt from the chip: the tag
 * ends configured on that chip exactly once, and no tag or UID is bound twice.
 */
class CrashRecoveryTest {
    /** Thrown where the power fails; an Error, so no recipe catch turns it into an outcome. */
    static final class PowerLoss extends Error {
        PowerLoss(String where) {
            super("power lost " + where);
        }
    }

    /** Where the power fails: before a step runs (its intent committed), or after the recipe returned. */
    record CrashPoint(ChipProtocol protocol, Step beforeStep) {
        @Override
        public String toString() {
            return protocol + " " + (beforeStep == null ? "after the recipe, before the outcome" : "before " + beforeStep);
        }
    }

    @TempDir
    Path dir;

    static Stream<Arguments> crashPoints() {
        List<Arguments> out = new ArrayList<>();
        for (Step s : List.of(Step.WRITE_NDEF, Step.CHANGE_FILE_SETTINGS, Step.CHANGE_KEY_1, Step.CHANGE_KEY_2,
                Step.CHANGE_KEY_3, Step.CHANGE_KEY_4, Step.CHANGE_KEY_0, Step.VERIFY)) {
            out.add(Arguments.of(new CrashPoint(P424, s)));
        }
        out.add(Arguments.of(new CrashPoint(P424, null)));
        for (Step s : List.of(Step.WRITE_NDEF, Step.WRITE_SUN_KEY, Step.ENABLE_MIRROR, Step.LOCK_SUN_KEY,
                Step.SET_PASSWORD, Step.PROTECT_CONFIGURATION, Step.VERIFY)) {
            out.add(Arguments.of(new CrashPoint(P223, s)));
        }
        out.add(Arguments.of(new CrashPoint(P223, null)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashPoints")
    void restartResumesTheAttemptFromTheChipStillAtTheAntenna(CrashPoint point) throws IOException {
        WorkflowFixture.TestAntenna antenna = new WorkflowFixture.TestAntenna();
        Runnable powerCycle = present(point.protocol(), antenna);
        Path after = crashAndCutThePower(point, antenna, "tag_a", "tag_b");
        powerCycle.run();

        try (Store store = WorkflowFixture.store(after.resolve("station.db"), WorkflowFixture.clock())) {
            List<AttemptRecord> inFlight = store.attemptsInFlight();
            assertEquals(1, inFlight.size(), "the attempt was committed before the chip was touched");
            ChipEncoder restarted = new ChipEncoder(StoreAccess.direct(store), WorkflowFixture.recipes(),
                    EncodingPolicy.defaults(), 3, WorkflowFixture.clock(), new Alarms());
            List<EncodeOutcome> resumed = restarted.recover(antenna);
            assertEquals(1, resumed.size());
            assertEquals(Reason.CONFIGURED, resumed.get(0).reason(), resumed.get(0).detail());
            assertEquals("tag_a", resumed.get(0).tagId().orElseThrow());
            assertEquals(AttemptState.FAILED, store.attempt(inFlight.get(0).attemptId()).orElseThrow().state(),
                    "the interrupted attempt is closed, never configured");
            List<OutboxEntry> reports = store.outbox().pending(10);
            assertEquals(1, reports.size());
            assertEquals(Outcome.CONFIGURED, reports.get(0).outcome());
            assertEquals(inFlight.get(0).chipUid(), reports.get(0).chipUid());
            assertTrue(store.jobs().isAvailable("tag_b"), "the next tag was never touched");
            assertTrue(restarted.recover(antenna).isEmpty(), "nothing left in flight");
        }
    }

    /** Whether the chip had taken its tag when the power failed: an irreversible step's intent was committed. */
    private static boolean tookItsTag(CrashPoint point) {
        return point.beforeStep() != Step.WRITE_NDEF;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashPoints")
    void chipGoneAtRestartKeepsATagItTookUntilItIsScrappedAndIsNeverReusedForAnother(CrashPoint point)
            throws IOException {
        WorkflowFixture.TestAntenna antenna = new WorkflowFixture.TestAntenna();
        Runnable powerCycle = present(point.protocol(), antenna);
        String firstUid = antenna.detect().orElseThrow().uidHex();
        Path after = crashAndCutThePower(point, antenna, "tag_a");
        antenna.empty();

        try (Store store = WorkflowFixture.store(after.resolve("station.db"), WorkflowFixture.clock())) {
            Alarms alarms = new Alarms();
            ChipEncoder restarted = new ChipEncoder(StoreAccess.direct(store), WorkflowFixture.recipes(),
                    EncodingPolicy.defaults(), 3, WorkflowFixture.clock(), alarms);
            assertTrue(restarted.recover(antenna).isEmpty());
            assertEquals(AttemptState.INTERRUPTED, store.latestAttemptOfChip(firstUid).orElseThrow().state());
            present(point.protocol(), antenna, 9);
            if (tookItsTag(point)) {
                assertTrue(alarms.raised().getOrDefault(Alarm.CHIP_AWAITED, "").contains(firstUid),
                        "the station says which chip it waits for: " + alarms.raised());
                EncodeOutcome waiting = restarted.encode(antenna);
                assertEquals(Reason.NO_JOB, waiting.reason(), "tag_a belongs to the first chip: " + waiting.detail());
                assertEquals(Optional.of("tag_a"), restarted.release(firstUid, Holds.SCRAPPED_BY_OPERATOR));
                assertFalse(alarms.isRaised(Alarm.CHIP_AWAITED));
            }
            EncodeOutcome next = restarted.encode(antenna);
            assertEquals(Reason.CONFIGURED, next.reason(), next.detail());
            assertEquals("tag_a", next.tagId().orElseThrow());
            if (tookItsTag(point)) {
                assertTrue(next.detail().contains(firstUid + " (" + Holds.SCRAPPED_BY_OPERATOR + ")"),
                        "the record names both chips: " + next.detail());
            }
            powerCycle.run();
            present(point.protocol(), antenna, 1);
            EncodeOutcome old = restarted.encode(antenna);
            assertEquals(Reason.NOT_BLANK, old.reason(), "the first chip stays bound to tag_a, which is done");
            assertEquals(1, store.outbox().pending(10).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashPoints")
    void aChipThatTookItsTagAndWasGoneAtRestartIsResumedWhenItComesBackWhileOtherChipsTakeOtherTags(
            CrashPoint point) throws IOException {
        WorkflowFixture.TestAntenna antenna = new WorkflowFixture.TestAntenna();
        Runnable powerCycle = present(point.protocol(), antenna);
        Path after = crashAndCutThePower(point, antenna, "tag_a", "tag_b");
        antenna.empty();

        try (Store store = WorkflowFixture.store(after.resolve("station.db"), WorkflowFixture.clock())) {
            ChipEncoder restarted = new ChipEncoder(StoreAccess.direct(store), WorkflowFixture.recipes(),
                    EncodingPolicy.defaults(), 3, WorkflowFixture.clock(), new Alarms());
            assertTrue(restarted.recover(antenna).isEmpty());
            present(point.protocol(), antenna, 9);
            EncodeOutcome other = restarted.encode(antenna);
            assertEquals(Reason.CONFIGURED, other.reason(), other.detail());
            assertEquals(tookItsTag(point) ? "tag_b" : "tag_a", other.tagId().orElseThrow(),
                    "a tag the first chip took never goes to another chip");
            if (!tookItsTag(point)) {
                return; // the first chip never took tag_a: it was free, and went to this chip
            }
            powerCycle.run();
            present(point.protocol(), antenna, 1);
            EncodeOutcome back = restarted.encode(antenna);
            assertEquals(Reason.CONFIGURED, back.reason(), "resumed from what the chip shows: " + back.detail());
            assertEquals("tag_a", back.tagId().orElseThrow());
            assertEquals(2, store.outbox().pending(10).size(), "one report per tag, each on its own chip");
        }
    }

    /**
     * Leases {@code tags}, encodes the chip at the antenna until the power fails at {@code point}, and
     * returns the directory holding the database and WAL as the cut left them.
     */
    private Path crashAndCutThePower(CrashPoint point, WorkflowFixture.TestAntenna antenna, String... tags)
            throws IOException {
        Path before = Files.createDirectories(dir.resolve("before"));
        Path after = Files.createDirectories(dir.resolve("after"));
        Store crashed = WorkflowFixture.store(before.resolve("station.db"), WorkflowFixture.clock());
        crashed.jobs().record(java.util.Arrays.stream(tags).map(t -> job(t, point.protocol())).toList());
        ChipEncoder doomed = new ChipEncoder(StoreAccess.direct(crashed), crashing(point), EncodingPolicy.defaults(), 3,
                WorkflowFixture.clock(), new Alarms());
        assertThrows(PowerLoss.class, () -> doomed.encode(antenna));
        powerCut(before, after);
        crashed.close();
        return after;
    }

    /** The recipes, with the power failing at {@code point}. */
    private static Map<ChipProtocol, ChipRecipe> crashing(CrashPoint point) {
        Map<ChipProtocol, ChipRecipe> recipes = new HashMap<>(WorkflowFixture.recipes());
        ChipRecipe real = recipes.get(point.protocol());
        recipes.put(point.protocol(), (link, url, listener) -> {
            var result = real.personalize(link, url, (step, uid) -> {
                listener.beforeStep(step, uid);
                if (step == point.beforeStep()) {
                    throw new PowerLoss("before " + step);
                }
            });
            if (point.beforeStep() == null) {
                throw new PowerLoss("after the recipe returned " + result.reason());
            }
            throw new AssertionError("the recipe never reached " + point.beforeStep() + ": " + result);
        });
        return recipes;
    }

    private final Map<Integer, Object> chips = new HashMap<>();

    private Runnable present(ChipProtocol protocol, WorkflowFixture.TestAntenna antenna) {
        return present(protocol, antenna, 1);
    }

    /** Puts chip {@code n} (made once per test) at the antenna; returns how to power-cycle it. */
    private Runnable present(ChipProtocol protocol, WorkflowFixture.TestAntenna antenna, int n) {
        if (protocol.equals(P424)) {
            SimulatedNtag424Link c = (SimulatedNtag424Link) chips.computeIfAbsent(n, WorkflowFixture::blank424);
            antenna.present(c);
            return c::putBack;
        }
        SimulatedNtag223Link c = (SimulatedNtag223Link) chips.computeIfAbsent(n, WorkflowFixture::blank223);
        antenna.present(c);
        return c::putBack;
    }

    /** The database and its WAL as a power cut leaves them (copied while the store is still open). */
    private static void powerCut(Path from, Path to) throws IOException {
        Files.copy(from.resolve("station.db"), to.resolve("station.db"));
        Path wal = from.resolve("station.db-wal");
        if (Files.exists(wal)) {
            Files.copy(wal, to.resolve("station.db-wal"));
        }
    }
}
