package com.tagline.station.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Reason;
import com.tagline.station.personalize.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreAttemptTest {
    @TempDir
    Path dir;

    @Test
    void attemptIntentOutcomeAndOutboxFlow() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        try (Store store = Store.open(config)) {
            long id = store.beginAttempt("tag_1", "04A1B2C3D4E5F6", ChipProtocol.NTAG_424_DNA);
            assertEquals(1, StoreFixture.count(config.file(), "SELECT COUNT(*) FROM chip_attempts"));
            store.recordIntent(id, Step.WRITE_NDEF);
            store.recordIntent(id, Step.CHANGE_FILE_SETTINGS);
            assertEquals(List.of(Step.WRITE_NDEF, Step.CHANGE_FILE_SETTINGS), store.intents(id));
            assertEquals(Optional.of(Step.CHANGE_FILE_SETTINGS), store.attempt(id).orElseThrow().stepReached());

            long outboxId = store.completeAttempt(id, Outcome.CONFIGURED, Reason.CONFIGURED, "", 3);

            assertEquals(AttemptState.CONFIGURED, store.attempt(id).orElseThrow().state());
            OutboxEntry e = store.outbox().entry(outboxId).orElseThrow();
            assertEquals("tag_1", e.tagId());
            assertEquals("04A1B2C3D4E5F6", e.chipUid());
            assertEquals(Outcome.CONFIGURED, e.outcome());
            assertEquals("configured", e.reason());
            assertEquals(OptionalInt.of(3), e.keySetVersion());
            assertEquals("line-1", e.station());
            assertEquals(1, e.attempts());
            assertEquals(StoreFixture.T0, e.occurredAt());
            assertEquals(OutboxState.PENDING, e.state());
            assertEquals(List.of(e), store.outbox().pending(10));
            assertTrue(store.attemptsInFlight().isEmpty());
        }
    }

    @Test
    void failedOutcomeCarriesReasonDetailAndAttemptNumber() {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            long first = store.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA);
            store.completeAttempt(first, Outcome.FAILED, Reason.TAG_LOST, "RF timeout", null);
            long second = store.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA);
            long outboxId = store.completeAttempt(second, Outcome.FAILED, Reason.VERIFY_MISMATCH,
                    "SUN MAC did not verify after write", null);
            OutboxEntry e = store.outbox().entry(outboxId).orElseThrow();
            assertEquals("verify_mismatch", e.reason());
            assertEquals("SUN MAC did not verify after write", e.detail());
            assertEquals(2, e.attempts());
            assertEquals(OptionalInt.empty(), e.keySetVersion());
        }
    }

    @Test
    void oneOutcomePerAttempt() {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            long id = store.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA);
            store.completeAttempt(id, Outcome.FAILED, Reason.NOT_BLANK, "", null);
            StoreException e = assertThrows(StoreException.class,
                    () -> store.completeAttempt(id, Outcome.FAILED, Reason.NOT_BLANK, "", null));
            assertEquals("completeAttempt", e.operation());
            assertEquals(1, store.outbox().unconfirmed());
        }
    }

    @Test
    void configuredNeedsAKeySetVersion() {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            long id = store.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA);
            assertThrows(StoreException.class,
                    () -> store.completeAttempt(id, Outcome.CONFIGURED, Reason.CONFIGURED, "", null));
            assertEquals(AttemptState.IN_FLIGHT, store.attempt(id).orElseThrow().state());
        }
    }

    @Test
    void chipUidBoundToOneTagOnly() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        try (Store store = Store.open(config)) {
            long id = store.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA);
            StoreException e = assertThrows(StoreException.class,
                    () -> store.beginAttempt("tag_2", "04AA", ChipProtocol.NTAG_424_DNA));
            assertEquals("beginAttempt", e.operation());
            assertTrue(e.getMessage().contains("already bound to tag tag_1"), e.getMessage());
            assertEquals(List.of(id), store.attemptsInFlight().stream().map(AttemptRecord::attemptId).toList());
            assertEquals("tag_1", store.attempt(id).orElseThrow().tagId());
        }
        StoreException raw = assertThrows(StoreException.class, () -> {
            try (var c = StoreFixture.reader(config.file()); var s = c.createStatement()) {
                s.execute("INSERT INTO chip_bindings (chip_uid, tag_id, bound_at_ms) VALUES ('04AA', 'tag_2', 0)");
            } catch (java.sql.SQLException sql) {
                throw new StoreException("raw insert", sql.getMessage(), sql);
            }
        });
        assertTrue(raw.getMessage().contains("UNIQUE"), raw.getMessage());
    }

    @Test
    void tagConfiguredOnOneChipOnly() {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            long a = store.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA);
            long b = store.beginAttempt("tag_1", "04BB", ChipProtocol.NTAG_424_DNA);
            store.completeAttempt(a, Outcome.CONFIGURED, Reason.CONFIGURED, "", 1);

            StoreException e = assertThrows(StoreException.class,
                    () -> store.completeAttempt(b, Outcome.CONFIGURED, Reason.CONFIGURED, "", 1));
            assertTrue(e.getMessage().contains("already configured on another chip"), e.getMessage());
            assertEquals(AttemptState.CONFIGURED, store.attempt(a).orElseThrow().state());
            assertEquals(AttemptState.IN_FLIGHT, store.attempt(b).orElseThrow().state());
            assertEquals(1, store.outbox().unconfirmed());

            StoreException early = assertThrows(StoreException.class,
                    () -> store.beginAttempt("tag_1", "04CC", ChipProtocol.NTAG_424_DNA));
            assertTrue(early.getMessage().contains("already configured on chip 04AA"), early.getMessage());
        }
    }

    @Test
    void crashMidFlowKeepsInFlightAttemptAndIntents() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        Store crashed = Store.open(config);
        long id = crashed.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA);
        crashed.recordIntent(id, Step.WRITE_NDEF);
        crashed.recordIntent(id, Step.CHANGE_KEY_1);
        // Snapshot the files as a power cut would leave them: no close, no checkpoint.
        Path after = Files.createDirectory(dir.resolve("after-crash"));
        Files.copy(config.file(), after.resolve("station.db"));
        Path wal = Path.of(config.file() + "-wal");
        assertTrue(Files.size(wal) > 0, "committed data is in the WAL");
        Files.copy(wal, after.resolve("station.db-wal"));

        try (Store reopened = Store.open(StoreFixture.config(after))) {
            List<AttemptRecord> inFlight = reopened.attemptsInFlight();
            assertEquals(1, inFlight.size());
            assertEquals(Optional.of(Step.CHANGE_KEY_1), inFlight.get(0).stepReached());
            assertEquals(List.of(Step.WRITE_NDEF, Step.CHANGE_KEY_1), reopened.intents(id));
            reopened.markInterrupted(id);
            assertEquals(AttemptState.INTERRUPTED, reopened.attempt(id).orElseThrow().state());
            assertTrue(reopened.attemptsInFlight().isEmpty());
            reopened.completeAttempt(id, Outcome.FAILED, Reason.TAG_LOST, "interrupted during CHANGE_KEY_1", null);
            assertEquals(1, reopened.outbox().pending(10).size());
        }
        try (Store sameFile = Store.open(config)) {
            assertEquals(1, sameFile.attemptsInFlight().size());
        }
        crashed.close();
    }

    @Test
    void intentNeedsAnInFlightAttempt() {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            long id = store.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA);
            store.markInterrupted(id);
            StoreException e = assertThrows(StoreException.class, () -> store.recordIntent(id, Step.CHANGE_KEY_0));
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertThrows(StoreException.class, () -> store.recordIntent(999, Step.CHANGE_KEY_0));
        }
    }

    @Test
    void leasedJobsAreKept() {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            LeasedJob job = new LeasedJob("tag_1", ChipProtocol.NTAG_424_DNA, "https://t.example/x", "lease_1",
                    Instant.parse("2026-11-24T10:00:00Z"));
            store.recordLease(job);
            store.recordLease(job);
            assertEquals(Optional.of(job), store.leasedJob("tag_1"));
            assertEquals(Optional.empty(), store.leasedJob("tag_2"));
        }
    }

    @Test
    void refusesCallsFromAnotherThread() throws Exception {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            Throwable[] seen = new Throwable[1];
            Thread t = new Thread(() -> {
                try {
                    store.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA);
                } catch (StoreException e) {
                    seen[0] = e;
                }
            });
            t.start();
            t.join();
            assertTrue(seen[0] instanceof StoreException);
            assertTrue(store.attemptsInFlight().isEmpty());
        }
    }

    @Test
    void aProtocolCodeTheCodeDoesNotKnowFailsWhereItIsReadNamingIt() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        try (Store store = Store.open(config)) {
            store.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA);
        }
        try (var c = StoreFixture.reader(config.file()); var s = c.createStatement()) {
            s.executeUpdate("UPDATE chip_attempts SET protocol = 'ntag424'");
        }
        try (Store store = Store.open(config)) {
            StoreException e = assertThrows(StoreException.class, store::attemptsInFlight);
            assertTrue(e.getMessage().contains("unknown protocol 'ntag424'"), e.getMessage());
        }
    }
}
