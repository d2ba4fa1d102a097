package com.tagline.station.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Reason;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityTest {
    @TempDir
    Path dir;

    @Test
    void queueFullAtTheLimitAndOkAgainOnceConfirmed() {
        try (Store store = Store.open(StoreFixture.config(dir).withQueueLimit(2))) {
            assertEquals(Capacity.OK, store.capacity());
            long a = store.completeAttempt(store.beginAttempt("tag_1", "04AA", ChipProtocol.NTAG_424_DNA),
                    Outcome.FAILED, Reason.NOT_BLANK, "", null);
            assertEquals(Capacity.OK, store.capacity());
            store.completeAttempt(store.beginAttempt("tag_2", "04BB", ChipProtocol.NTAG_424_DNA),
                    Outcome.FAILED, Reason.NOT_BLANK, "", null);
            assertEquals(Capacity.QUEUE_FULL, store.capacity());

            long c = store.completeAttempt(store.beginAttempt("tag_3", "04CC", ChipProtocol.NTAG_424_DNA),
                    Outcome.FAILED, Reason.NOT_BLANK, "", null);
            assertEquals(3, store.outbox().unconfirmed(), "a full queue still keeps every report");

            store.outbox().markConfirmed(a);
            store.outbox().markConfirmed(c);
            assertEquals(Capacity.OK, store.capacity());
        }
    }

    @Test
    void diskLowBelowTheThreshold() {
        try (Store store = Store.open(StoreFixture.config(dir).withMinFreeBytes(Long.MAX_VALUE))) {
            assertEquals(Capacity.DISK_LOW, store.capacity());
        }
    }
}
