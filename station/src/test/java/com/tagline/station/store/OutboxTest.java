package com.tagline.station.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;

    private static long report(Store store, String tag, String uid) {
        long id = store.beginAttempt(tag, uid, ChipProtocol.NTAG_424_DNA);
        return store.completeAttempt(id, Outcome.CONFIGURED, Reason.CONFIGURED, "", 1);
    }

    @Test
    void pendingSentConfirmedAndNothingDeleted() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        try (Store store = Store.open(config)) {
            Outbox outbox = store.outbox();
            long a = report(store, "tag_1", "04AA");
            long b = report(store, "tag_2", "04BB");
            assertEquals(List.of(a, b), outbox.pending(10).stream().map(OutboxEntry::outboxId).toList());
            assertEquals(1, outbox.pending(1).size());

            outbox.markSent(a);
            assertEquals(OutboxState.SENT, outbox.entry(a).orElseThrow().state());
            assertEquals(1, outbox.entry(a).orElseThrow().tries());
            assertEquals(List.of(b), outbox.pending(10).stream().map(OutboxEntry::outboxId).toList());

            outbox.markConfirmed(a);
            assertEquals(OutboxState.CONFIRMED, outbox.entry(a).orElseThrow().state());
            assertEquals(1, outbox.unconfirmed());
            assertThrows(StoreException.class, () -> outbox.markSent(a));
            assertThrows(StoreException.class, () -> outbox.quarantine(a, "late"));
        }
        assertEquals(2, StoreFixture.count(config.file(), "SELECT COUNT(*) FROM outbox"));
    }

    @Test
    void ambiguousSendIsRetriedLaterWithItsError() {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            Outbox outbox = store.outbox();
            long a = report(store, "tag_1", "04AA");
            outbox.markSent(a);
            outbox.retryLater(a, "timeout after 10 s", StoreFixture.T0.plus(Duration.ofSeconds(30)));

            OutboxEntry e = outbox.entry(a).orElseThrow();
            assertEquals(OutboxState.PENDING, e.state());
            assertEquals(Optional.of("timeout after 10 s"), e.lastError());
            assertEquals(StoreFixture.T0.plusSeconds(30), e.nextAttemptAt());
            assertTrue(outbox.pending(10).isEmpty(), "not due before its next attempt time");
        }
    }

    @Test
    void quarantinedRowsStayButAreNotSent() {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            Outbox outbox = store.outbox();
            long a = report(store, "tag_1", "04AA");
            outbox.markSent(a);
            outbox.quarantine(a, "conflict: UID bound to another tag");

            OutboxEntry e = outbox.entry(a).orElseThrow();
            assertEquals(OutboxState.QUARANTINED, e.state());
            assertEquals(Optional.of("conflict: UID bound to another tag"), e.lastError());
            assertTrue(outbox.pending(10).isEmpty());
            assertEquals(1, outbox.unconfirmed());
            StoreException ex = assertThrows(StoreException.class, () -> outbox.markConfirmed(a));
            assertEquals("markConfirmed", ex.operation());
            assertThrows(StoreException.class, () -> outbox.markSent(404));
        }
    }

    @Test
    void anOperatorRequeuesQuarantinedReportsWithTheReasonRecorded() throws Exception {
        StoreConfig config = StoreFixture.config(dir);
        try (Store store = Store.open(config)) {
            Outbox outbox = store.outbox();
            long a = report(store, "tag_1", "04AA");
            long b = report(store, "tag_2", "04BB");
            long c = report(store, "tag_3", "04CC");
            outbox.markSent(List.of(a, b));
            outbox.quarantine(a, "conflict: UID bound to another tag");
            outbox.quarantine(b, "rejected: unknown tag");
            assertEquals(new OutboxBacklog(1, 0, 2, Optional.of(StoreFixture.T0)), outbox.backlog());

            assertThrows(StoreException.class, () -> outbox.requeueQuarantined(List.of(), " "), "a reason is required");
            assertThrows(StoreException.class, () -> outbox.requeueQuarantined(List.of(a, c), "fixed"),
                    "a row that is not quarantined refuses the request");
            assertEquals(OutboxState.QUARANTINED, outbox.entry(a).orElseThrow().state(), "nothing changed");

            assertEquals(List.of(a, b), outbox.requeueQuarantined(List.of(), "platform binding fixed by support"));
            OutboxEntry e = outbox.entry(a).orElseThrow();
            assertEquals(OutboxState.PENDING, e.state());
            assertEquals(Optional.of("requeued by an operator: platform binding fixed by support"), e.lastError());
            assertEquals(List.of(a, b, c), outbox.pending(10).stream().map(OutboxEntry::outboxId).toList());
            assertEquals(new OutboxBacklog(3, 0, 0, Optional.of(StoreFixture.T0)), outbox.backlog());
        }
        assertEquals(2, StoreFixture.count(config.file(), "SELECT COUNT(*) FROM outbox_requeues"
                + " WHERE reason = 'platform binding fixed by support'"));
        assertEquals(1, StoreFixture.count(config.file(), "SELECT COUNT(*) FROM outbox_requeues"
                + " WHERE previous_error = 'conflict: UID bound to another tag'"));
    }

    @Test
    void anEmptyOutboxHasNoBacklog() {
        try (Store store = Store.open(StoreFixture.config(dir))) {
            assertEquals(new OutboxBacklog(0, 0, 0, Optional.empty()), store.outbox().backlog());
        }
    }
}
