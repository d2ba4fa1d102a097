package com.tagline.station.workflow;

import static com.tagline.station.workflow.WorkflowFixture.P424;
import static com.tagline.station.workflow.WorkflowFixture.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ForwardingTagLink;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.Target;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.station.personalize.Reason;
import com.tagline.station.store.AttemptRecord;
import com.tagline.station.store.AttemptState;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.sync.Alarms;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 (serial faults): the PN532's frames carry an 8-bit checksum, and a garbled InListPassiveTarget answer
 * can pass it (seen with one byte in a thousand changed or lost: a genuine chip's UID read as 04C1C2C3D41106 for
 * 04C1C2C3D40011). The chip then fails its originality check or GetVersion's UID under the misread UID. Before, it
 * was recorded as counterfeit under a UID no chip has. Now a chip that fails so is read again: one that reads back
 * with another UID was misread, its attempt ends as a line error and the chip is encoded under its own UID; one that
 * reads back the same is counterfeit as before.
 */
class MisreadUidTest {
    @TempDir
    Path dir;

    private Store store;

    @BeforeEach
    void open() {
        store = WorkflowFixture.store(dir.resolve("station.db"), WorkflowFixture.clock());
        store.jobs().record(List.of(job("tag_a", P424)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aUidMisreadOnTheLineIsNoCounterfeitAndTheChipIsEncodedUnderItsOwnUid() {
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        String misread = "04" + chip.chip().uidHex().substring(2, 10) + "1106";
        EncodeOutcome o = encoder().encode(new MisreadOnce(chip, misread));

        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        assertEquals(Optional.of(chip.chip().uidHex()), o.uidHex());
        AttemptRecord first = store.latestAttemptOfChip(misread).orElseThrow();
        assertEquals(AttemptState.FAILED, first.state());
        assertEquals(1, store.outbox().pending(10).size(), "one report, for the real chip");
        assertEquals(chip.chip().uidHex(), store.outbox().pending(10).get(0).chipUid());
    }

    @Test
    void aChipThatReadsBackTheSameIsCounterfeitAsBefore() {
        SimulatedNtag424Link clone = WorkflowFixture.counterfeit424(2);
        WorkflowFixture.TestAntenna antenna = new WorkflowFixture.TestAntenna().present(clone);
        EncodeOutcome o = encoder().encode(antenna);
        assertEquals(Reason.COUNTERFEIT, o.reason(), o.detail());
    }

    private ChipEncoder encoder() {
        return new ChipEncoder(StoreAccess.direct(store), WorkflowFixture.recipes(), EncodingPolicy.defaults(), 3,
                WorkflowFixture.clock(), new Alarms());
    }

    /** The first activation's answer was garbled into another UID; every later one reads the chip's own. */
    private static final class MisreadOnce implements Antenna {
        private final SimulatedNtag424Link chip;
        private final String misread;
        private boolean first = true;

        MisreadOnce(SimulatedNtag424Link chip, String misread) {
            this.chip = chip;
            this.misread = misread;
        }

        @Override
        public Optional<ChipInField> detect() {
            if (first) {
                first = false;
                return Optional.of(ChipInField.of(new MisreadLink(chip, misread), misread, P424));
            }
            return Optional.of(ChipInField.of(chip, chip.chip().uidHex(), P424));
        }

        @Override
        public Optional<ChipInField> reactivate() {
            return detect();
        }
    }

    /** The chip's link, but the target as the garbled anticollision answer showed it. */
    private static final class MisreadLink extends ForwardingTagLink {
        private final byte[] uid;

        MisreadLink(TagLink link, String uidHex) {
            super(link);
            this.uid = java.util.HexFormat.of().parseHex(uidHex);
        }

        @Override
        public Target target() {
            Target t = delegate().target();
            return new Target(uid, t.atqa(), t.sak(), t.ats());
        }
    }
}
