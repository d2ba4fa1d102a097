package com.tagline.station.workflow;

import static com.tagline.station.workflow.WorkflowFixture.P223;
import static com.tagline.station.workflow.WorkflowFixture.P424;
import static com.tagline.station.workflow.WorkflowFixture.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.pn532.Pn532StatusException;
import com.tagline.hardware.tag.ForwardingTagLink;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.Target;
import com.tagline.simulator.ntag223.SimulatedNtag223Link;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.station.personalize.Reason;
import com.tagline.station.store.AttemptRecord;
import com.tagline.station.store.AttemptState;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.sync.Alarms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 (serial faults): the PN532's serial frames carry 8-bit checksums (UM0701-02 §6.2.1), and with one byte in
 * a thousand changed or lost, station run saw garbled answers pass them: a genuine chip's UID read as
 * 04C1C2C3D41106 for 04C1C2C3D40011, a ReadData answered "SW 9166", an InDataExchange "PN532 status 08".
 *
 * <p>A chip that fails its originality or GetVersion check under a misread UID was recorded as counterfeit under a
 * UID no chip has; now it is read again, and one that reads back with another UID is encoded under its own (one
 * that reads back the same stays counterfeit). An answer with a status its sender never sends failed the chip
 * (chip_error, its tag kept for the operator); now the exchange is in doubt and the chip resumes in place.
 */
class GarbledLineTest {
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

    @Test
    void aChangeKeyAnsweredWithAStatusTheChipNeverSendsIsInDoubtAndTheChipResumes() {
        SimulatedNtag424Link chip = WorkflowFixture.blank424(1);
        TagLink garbled = new ForwardingTagLink(chip) {
            private boolean done;

            @Override
            public byte[] transceive(byte[] apdu) {
                byte[] answer = super.transceive(apdu); // the chip runs it
                if (!done && (apdu[1] & 0xFF) == 0xC4 && apdu[5] == 1) { // ChangeKey (DS §10.6.1) of key 1
                    done = true;
                    answer[answer.length - 1] = 0x66; // 91 00 arrives as 91 66
                }
                return answer;
            }
        };
        EncodeOutcome o = encode(garbled, chip.chip().uidHex(), P424, chip::putBack);
        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        assertTrue(o.resumed(), o.detail());
    }

    /** The same for an RF error the PN532 reports after passing the command on (seen: status 05, framing). */
    @Test
    void anApduWhoseAnswerHadAnRfErrorIsInDoubtAndTheChipResumes() {
        SimulatedNtag424Link chip = WorkflowFixture.blank424(3);
        TagLink garbled = new ForwardingTagLink(chip) {
            private int apdus;

            @Override
            public byte[] transceive(byte[] apdu) {
                byte[] answer = super.transceive(apdu);
                if (++apdus == 9) {
                    throw new Pn532StatusException("InDataExchange", 0x05); // MIFARE framing error (UM0701-02 §7.1)
                }
                return answer;
            }
        };
        EncodeOutcome o = encode(garbled, chip.chip().uidHex(), P424, chip::putBack);
        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        assertTrue(o.resumed(), o.detail());
    }

    @Test
    void aType2FrameAnsweredWithAPn532StatusItNeverSendsIsInDoubtAndTheChipResumes() {
        store.jobs().record(List.of(job("tag_b", P223)));
        SimulatedNtag223Link chip = WorkflowFixture.blank223(2);
        TagLink garbled = new ForwardingTagLink(chip) {
            private int frames;

            @Override
            public byte[] transceiveRaw(byte[] frame, Duration timeout) {
                byte[] answer = super.transceiveRaw(frame, timeout);
                if (++frames == 12) {
                    throw new Pn532StatusException("InCommunicateThru", 0x08); // UM0701-02 §7.1 lists no error 08
                }
                return answer;
            }
        };
        EncodeOutcome o = encode(garbled, chip.chip().uidHex(), P223, chip::putBack);
        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        assertTrue(o.resumed(), o.detail());
    }

    private EncodeOutcome encode(TagLink link, String uid, com.tagline.hardware.tag.ChipProtocol kind, Runnable back) {
        WorkflowFixture.TestAntenna antenna = new WorkflowFixture.TestAntenna().present(link, uid, kind, back);
        return new ChipEncoder(StoreAccess.direct(store), WorkflowFixture.recipes(), EncodingPolicy.defaults(), 3,
                WorkflowFixture.clock(), new Alarms()).encode(antenna);
    }
}
