package com.tagline.station.workflow;

import static com.tagline.station.workflow.WorkflowFixture.P424;
import static com.tagline.station.workflow.WorkflowFixture.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.pn532.Pn532;
import com.tagline.hardware.pn532.Pn532Settings;
import com.tagline.hardware.pn532.Pn532Timeouts;
import com.tagline.hardware.serial.PipeSerialLink;
import com.tagline.hardware.serial.Sleeper;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.pn532.Pn532Emulator;
import com.tagline.simulator.pn532.Pn532Faults;
import com.tagline.station.personalize.Reason;
import com.tagline.station.personalize.Step;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.sync.Alarms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, ambiguous exchanges, through the real PN532 driver and the PN532 emulator: the reader's ACK for
 * the frame carrying a ChangeKey is lost and its answer comes late (a loaded host, a slow line). Before, the
 * driver sent the frame again after 100 ms, the emulator (like a PN532 that got the first copy) passed the
 * command to the chip twice, and the second ChangeKey, with a stale command counter, was refused (91AE): a
 * fresh chip failed. Now the exchange is aborted and in doubt, the chip is activated again in place and
 * the recipe resumes from what the chip shows; the tag is configured on it and no tag is used up.
 */
class AmbiguousExchangeTest {
    @TempDir
    Path dir;

    @Test
    void aLateAckNeverMakesTheChipRunAChangeKeyTwiceAndTheChipResumesToConfigured() {
        // ACKs awaited 100 ms as by default; answers may take 2 s (the emulator's delay stays on): the next ACK is
        // lost and the answer waits well past the driver's 100 ms ACK timeout
        Run run = encodeArmingBeforeChangeKey1(Duration.ofSeconds(2),
                faults -> faults.loseAcks(1).responseDelay(Duration.ofMillis(150)));
        assertResumedToConfiguredOnItsOwnChip(run);
    }

    /**
     * Issue 12 (serial faults): the answer to a ChangeKey is lost on the line. Before, the driver's time-out was a
     * plain transport failure and the chip failed (chip_error) though it lay on the antenna; now the exchange is in
     * doubt, the chip is activated again in place and resumes to configured.
     */
    @Test
    void aLostAnswerToAChangeKeyIsInDoubtAndTheChipResumesToConfigured() {
        // the chip runs ChangeKey 1; its answer never arrives
        Run run = encodeArmingBeforeChangeKey1(Duration.ofMillis(300), faults -> faults.loseResponses(1));
        assertResumedToConfiguredOnItsOwnChip(run);
    }

    /** What one encoding gave: the outcome, the reports queued, the chip's UID. */
    private record Run(EncodeOutcome outcome, List<OutboxEntry> reports, String uid) {}

    /**
     * Encodes one blank NTAG 424 DNA through the real driver and the PN532 emulator, arming {@code arm} once, just
     * before ChangeKey 1 is sent; ACKs awaited 100 ms, answers {@code responseTimeout}.
     */
    private Run encodeArmingBeforeChangeKey1(Duration responseTimeout, Consumer<Pn532Faults> arm) {
        PipeSerialLink[] pipe = PipeSerialLink.pair();
        try (Pn532Emulator emulator = new Pn532Emulator(pipe[1]);
             Pn532 reader = new Pn532(pipe[0], Pn532Settings.defaults().withTimeouts(Pn532Timeouts.uniform(
                     Duration.ofMillis(100), responseTimeout, Duration.ofMillis(20))), Sleeper.SYSTEM);
             Store store = WorkflowFixture.store(dir.resolve("station.db"), WorkflowFixture.clock())) {
            emulator.start();
            Ntag424FieldChip chip = new Ntag424FieldChip(WorkflowFixture.blank424(1).chip());
            emulator.addChip(chip);
            store.jobs().record(List.of(job("tag_a", P424)));
            int[] armed = {0};
            Map<ChipProtocol, ChipRecipe> recipes = new HashMap<>(WorkflowFixture.recipes());
            ChipRecipe real = recipes.get(P424);
            recipes.put(P424, (link, url, listener) -> real.personalize(link, url, (step, uid) -> {
                listener.beforeStep(step, uid);
                if (step == Step.CHANGE_KEY_1 && armed[0]++ == 0) {
                    arm.accept(emulator.faults());
                }
            }));
            ChipEncoder encoder = new ChipEncoder(StoreAccess.direct(store), recipes, EncodingPolicy.defaults(), 3,
                    WorkflowFixture.clock(), new Alarms());
            EncodeOutcome o = encoder.encode(new Pn532Antenna(reader));
            assertTrue(armed[0] > 0, "the fault was armed");
            return new Run(o, store.outbox().pending(10), chip.chip().uidHex());
        }
    }

    private static void assertResumedToConfiguredOnItsOwnChip(Run run) {
        assertEquals(Reason.CONFIGURED, run.outcome().reason(), run.outcome().detail());
        assertTrue(run.outcome().resumed(), "resumed after the exchange in doubt: " + run.outcome().detail());
        assertEquals(1, run.reports().size());
        assertEquals(run.uid(), run.reports().get(0).chipUid(), "configured on this chip, no tag used up");
    }
}
