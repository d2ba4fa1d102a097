package com.tagline.station.workflow;

import static com.tagline.station.workflow.WorkflowFixture.P424;
import static com.tagline.station.workflow.WorkflowFixture.job;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.tagline.station.personalize.Reason;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The encoder's INFO log (issue 14): one line per chip, a wait for a lease once at its start and once at its end. */
class ChipEncoderLogTest {
    @TempDir
    Path dir;

    private final Logger logger = (Logger) LoggerFactory.getLogger(ChipEncoder.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level levelBefore;
    private Store store;

    @BeforeEach
    void capture() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        lines.start();
        logger.addAppender(lines);
        store = WorkflowFixture.store(dir.resolve("station.db"), WorkflowFixture.clock());
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
        logger.setLevel(levelBefore);
        store.close();
    }

    @Test
    void aChipWaitingForALeaseLogsTheWaitOnceNotEveryPoll() {
        ChipEncoder encoder = new ChipEncoder(StoreAccess.direct(store), WorkflowFixture.recipes(),
                EncodingPolicy.defaults(), 3, WorkflowFixture.clock(), new Alarms());
        WorkflowFixture.TestAntenna antenna = new WorkflowFixture.TestAntenna();
        antenna.present(WorkflowFixture.blank424(1));
        for (int poll = 0; poll < 25; poll++) {
            assertEquals(Reason.NO_JOB, encoder.encode(antenna).reason());
        }
        store.jobs().record(List.of(job("tag_a", P424)));
        EncodeOutcome o = encoder.encode(antenna);

        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        assertInfoLinesStartWith(List.of("event=waiting what=lease", "event=waiting_ended what=lease", "event=chip tag=tag_a"));
        assertEquals(P424, o.protocol().orElseThrow());
    }

    /** ixkio has no leases: a chip without a job is told about manifest rows and what brings more. */
    @Test
    void aChipWithoutAManifestRowIsToldAboutTheManifestNotALease() {
        Alarms alarms = new Alarms();
        ChipEncoder encoder = new ChipEncoder(StoreAccess.direct(store), WorkflowFixture.recipes(),
                EncodingPolicy.defaults(), 3, WorkflowFixture.clock(), alarms, WorkSupply.MANIFEST);
        WorkflowFixture.TestAntenna antenna = new WorkflowFixture.TestAntenna();
        antenna.present(WorkflowFixture.blank424(1));
        EncodeOutcome o = encoder.encode(antenna);

        assertEquals(Reason.NO_JOB, o.reason());
        assertEquals("no manifest row left for ntag_424_dna", o.detail());
        assertEquals("no manifest row left for ntag_424_dna; import the next manifest (station import-manifest FILE"
                + " --data-dir DIR, or a new platform.manifest)", alarms.raised().get(Alarm.NO_JOB));
        assertInfoLinesStartWith(List.of("event=waiting what=manifest_row protocol=ntag_424_dna"));
    }

    private void assertInfoLinesStartWith(List<String> starts) {
        List<String> info = lines.list.stream().filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(starts.size(), info.size(), info.toString());
        for (int i = 0; i < starts.size(); i++) {
            String line = info.get(i);
            String start = starts.get(i);
            assertEquals(start, line.substring(0, Math.min(line.length(), start.length())), line);
        }
    }
}
