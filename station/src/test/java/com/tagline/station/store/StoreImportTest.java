package com.tagline.station.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Store#importOutcomes}: the rows of the one-by-one path, in one transaction, all or nothing. */
class StoreImportTest {
    @TempDir
    Path dir;

    private static final String[] TABLES = {"chip_bindings", "chip_attempts", "outcomes", "outbox"};

    private static List<LeasedJob> jobs() {
        Instant expires = StoreFixture.T0.plusSeconds(3600);
        return List.of(new LeasedJob("tag_1", ChipProtocol.NTAG_424_DNA, "https://t/1", "lse_1", expires),
                new LeasedJob("tag_2", ChipProtocol.NTAG_424_DNA, "https://t/2", "lse_1", expires));
    }

    private static List<ImportedOutcome> outcomes() {
        return List.of(new ImportedOutcome("tag_1", "04AA000000000A", ChipProtocol.NTAG_424_DNA, Outcome.CONFIGURED,
                        Reason.CONFIGURED, "", 1),
                new ImportedOutcome("tag_2", "04BB000000000B", ChipProtocol.NTAG_424_DNA, Outcome.FAILED, Reason.TAG_LOST,
                        "lost", null));
    }

    @Test
    void writesWhatBeginCompleteAndFinishWrite() throws Exception {
        Path oneByOne = Files.createDirectory(dir.resolve("api"));
        Path bulk = Files.createDirectory(dir.resolve("bulk"));
        try (Store a = Store.open(StoreFixture.config(oneByOne)); Store b = Store.open(StoreFixture.config(bulk))) {
            a.jobs().record(jobs());
            b.jobs().record(jobs());
            for (ImportedOutcome o : outcomes()) {
                long id = a.beginAttempt(o.tagId(), o.chipUid(), o.protocol());
                a.completeAttempt(id, o.outcome(), o.reason(), o.detail(), o.keySetVersion());
                a.jobs().finish(o.tagId());
            }
            List<Long> ids = b.importOutcomes(outcomes());
            assertEquals(ids, b.outbox().pending(10).stream().map(OutboxEntry::outboxId).toList());
            assertEquals(a.outbox().pending(10).stream().map(StoreImportTest::reportFields).toList(),
                    b.outbox().pending(10).stream().map(StoreImportTest::reportFields).toList());
            assertEquals(a.jobs().counts(), b.jobs().counts());
            assertEquals(a.configuredChips(), b.configuredChips());
        }
        for (String t : TABLES) {
            assertEquals(StoreFixture.count(oneByOne.resolve("station.db"), "SELECT COUNT(*) FROM " + t),
                    StoreFixture.count(bulk.resolve("station.db"), "SELECT COUNT(*) FROM " + t), t);
        }
    }

    @Test
    void aRefusedChipRollsTheWholeBatchBack() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        try (Store store = Store.open(config)) {
            store.importOutcomes(outcomes().subList(0, 1));
            List<ImportedOutcome> batch = List.of(outcomes().get(1),
                    new ImportedOutcome("tag_3", "04AA000000000A", ChipProtocol.NTAG_424_DNA, Outcome.CONFIGURED,
                            Reason.CONFIGURED, "", 1));
            StoreException e = assertThrows(StoreException.class, () -> store.importOutcomes(batch));
            assertTrue(e.getMessage().contains("already bound to tag tag_1"), e.getMessage());
            assertThrows(StoreException.class, () -> store.importOutcomes(List.of(
                    new ImportedOutcome("tag_9", "04CC000000000C", ChipProtocol.NTAG_424_DNA, Outcome.CONFIGURED,
                            Reason.CONFIGURED, "", null))));
        }
        for (String t : TABLES) {
            assertEquals(1, StoreFixture.count(config.file(), "SELECT COUNT(*) FROM " + t), t);
        }
    }

    private static String reportFields(OutboxEntry e) {
        return e.tagId() + "|" + e.chipUid() + "|" + e.outcome() + "|" + e.reason() + "|" + e.detail() + "|"
                + e.keySetVersion() + "|" + e.station() + "|" + e.attempts() + "|" + e.occurredAt() + "|" + e.state();
    }
}
