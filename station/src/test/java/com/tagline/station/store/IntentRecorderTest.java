package com.tagline.station.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Step;
import com.tagline.station.personalize.StepListener;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentRecorderTest {
    @TempDir
    Path dir;

    @Test
    void intentIsCommittedBeforeTheStepRuns() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        try (Store store = Store.open(config); Connection other = StoreFixture.reader(config.file())) {
            long id = store.beginAttempt("tag_1", "04A1B2C3D4E5F6", ChipProtocol.NTAG_424_DNA);
            StepListener recorder = store.intentRecorder(id);
            List<String> seenByOther = new ArrayList<>();
            StepListener chip = (step, uid) -> {
                recorder.beforeStep(step, uid);
                seenByOther.add(lastIntentSeenBy(other, id));
            };

            for (Step step : List.of(Step.WRITE_NDEF, Step.CHANGE_FILE_SETTINGS, Step.CHANGE_KEY_0)) {
                chip.beforeStep(step, "04a1b2c3d4e5f6");
            }

            assertEquals(List.of("WRITE_NDEF", "CHANGE_FILE_SETTINGS", "CHANGE_KEY_0"), seenByOther);
        }
    }

    @Test
    void refusesAnotherChipAndRecordsNothing() {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            long id = store.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA);
            StepListener recorder = store.intentRecorder(id);
            StoreException e = assertThrows(StoreException.class, () -> recorder.beforeStep(Step.CHANGE_KEY_0, "04BB"));
            assertEquals("recordIntent", e.operation());
            assertEquals(List.of(), store.intents(id));
        }
    }

    private static String lastIntentSeenBy(Connection other, long attemptId) {
        try (PreparedStatement ps = other.prepareStatement(
                "SELECT step FROM attempt_intents WHERE attempt_id = ? ORDER BY seq DESC LIMIT 1")) {
            ps.setLong(1, attemptId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
