package com.tagline.station.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.retry.Backoff;
import com.tagline.simulator.platform.tagbase.TagStatus;
import com.tagline.simulator.platform.tagbase.TagbaseState;
import com.tagline.station.platform.Credential;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.HttpTransport;
import com.tagline.station.platform.tagbase.OutcomeReport;
import com.tagline.station.platform.tagbase.ReportResult;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.LeasedJob;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.OutboxState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports the platform answers but does not take (platform-api §1.2: {@code conflict}, {@code rejected};
 * §1.1: {@code 401}, and the operator's token reload after it), against the tagbase emulator over loopback HTTP with a real SQLite file: the row is
 * quarantined or kept, the operator is alarmed, and the rest of the queue still drains.
 */
class OutboxSyncRefusalIntegrationTest {
    @TempDir
    Path dir;

    private SyncRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void conflictQuarantinesOurRowRaisesTheAlarmAndTheRestOfTheBatchIsConfirmed() {
        rig = SyncRig.start(dir, 100);
        rig.seedAndLease(4);
        String a = rig.nextTag();
        long rowA = rig.configure(a);
        String contested = rig.nextTag();
        long rowContested = rig.configure(contested);
        String c = rig.nextTag();
        long rowC = rig.configure(c);
        String d = rig.nextTag();
        long rowD = rig.fail(d);
        // another chip already carries the contested tag's identity on the platform
        try (TagbaseClient other = rig.openClient()) {
            List<ReportResult> first = other.report(List.of(new OutcomeReport(contested, true, "04FFEEDDCCBB01", null,
                    "", OptionalInt.of(3), rig.clock.instant(), "line-2", 1)));
            assertEquals(ReportResult.Kind.ACCEPTED, first.get(0).kind());
        }

        assertTrue(rig.drain(10));

        OutboxEntry q = rig.row(rowContested);
        assertEquals(OutboxState.QUARANTINED, q.state());
        assertTrue(q.lastError().orElseThrow().contains("conflict"), q.lastError().toString());
        assertTrue(rig.alarms.isRaised(Alarm.CONFLICT));
        assertTrue(rig.alarms.raised().get(Alarm.CONFLICT).contains(contested));
        assertEquals(1, rig.sync.stats().conflicts());
        for (long row : List.of(rowA, rowC, rowD)) {
            assertEquals(OutboxState.CONFIRMED, rig.row(row).state());
        }
        TagbaseState p = rig.platform();
        assertEquals(1, p.conflicts().size());
        assertEquals(contested, p.conflicts().get(0).tagId());
        assertEquals(rig.uidOf(contested), p.conflicts().get(0).uid());
        assertEquals("04FFEEDDCCBB01", rig.emulator.tag(contested).orElseThrow().uid(), "the platform keeps the first");
        assertEquals(Optional.of(TagStatus.CONFIGURED), rig.status(a));

        // never sent again
        for (int i = 0; i < 5; i++) {
            rig.clock.advanceTo(rig.sync.runOnce());
        }
        assertEquals(1, rig.platform().reports("conflict"));
        assertEquals(OutboxState.QUARANTINED, rig.row(rowContested).state());
        assertTrue(rig.alarms.isRaised(Alarm.CONFLICT), "stays raised until an operator clears it");
    }

    @Test
    void rejectedReportIsQuarantinedWithTheDetailAndDoesNotBlockTheQueue() {
        rig = SyncRig.start(dir, 2);
        // an outcome for a tag this account does not have (e.g. leased from another account's file)
        rig.store.jobs().record(List.of(new LeasedJob("tag_00000000deadbeef", SyncRig.P424, "https://t.example/x",
                "lse_0000000000000000", SyncRig.T0.plus(Duration.ofHours(24)))));
        long rejected = rig.configure("tag_00000000deadbeef");
        rig.seedAndLease(3);
        String b = rig.nextTag();
        long rowB = rig.configure(b);
        String c = rig.nextTag();
        long rowC = rig.configure(c);
        String d = rig.nextTag();
        long rowD = rig.fail(d);

        assertTrue(rig.drain(10));

        OutboxEntry q = rig.row(rejected);
        assertEquals(OutboxState.QUARANTINED, q.state());
        assertTrue(q.lastError().orElseThrow().contains("no tag tag_00000000deadbeef in this account"),
                q.lastError().toString());
        assertTrue(rig.alarms.isRaised(Alarm.REPORT_REJECTED));
        assertEquals(1, rig.sync.stats().rejected());
        for (long row : List.of(rowB, rowC, rowD)) {
            assertEquals(OutboxState.CONFIRMED, rig.row(row).state());
        }
        TagbaseState p = rig.platform();
        assertEquals(1, p.reports("rejected"));
        assertEquals(3, p.reports("accepted"));
        assertEquals(2, p.tags("configured"));

        rig.clock.advanceTo(rig.sync.runOnce());
        assertEquals(1, rig.platform().reports("rejected"), "a quarantined row is never sent again");
    }

    @Test
    void revokedKeyRaisesAuthRefusedKeepsEveryRowAndDrainsOnceTheKeyIsBack() {
        rig = SyncRig.start(dir, 100);
        rig.seedAndLease(3);
        for (int i = 0; i < 3; i++) {
            rig.configure(rig.nextTag());
        }
        rig.revokeKey();

        for (int i = 0; i < 3; i++) {
            rig.clock.advanceTo(rig.sync.runOnce());
            assertTrue(rig.alarms.isRaised(Alarm.AUTH_REFUSED));
            assertEquals(3, rig.outbox("pending"), "refused rows are kept, not quarantined");
        }
        assertEquals(3, rig.sync.stats().refusedBatches());
        assertEquals(0, rig.platform().reports("accepted"));

        rig.restoreKey();
        assertTrue(rig.drain(10));
        assertFalse(rig.alarms.isRaised(Alarm.AUTH_REFUSED));
        assertEquals(3, rig.outbox("confirmed"));
        assertEquals(3, rig.platform().reports("accepted"));
        assertEquals(3, rig.platform().tags("configured"));
        assertEquals(0, rig.outbox("quarantined"));
    }

    /**
     * The operator's reload after a 401 (issue 14), without a restart: {@link OutboxSync#reloadCredentials()}
     * reads the token from its source again, the transport sends the new one from the next request on, and
     * the sync sends at once instead of waiting out its backoff.
     */
    @Test
    void aTokenReloadedByTheOperatorAfterA401IsSentAtOnce() {
        rig = SyncRig.start(dir, 100);
        rig.seedAndLease(2);
        long row = rig.configure(rig.nextTag());
        AtomicReference<String> tokenFile = new AtomicReference<>("stn_the_old_revoked_token");
        try (TagbaseClient client = new TagbaseClient(new HttpTransport(new HttpEndpoint(
                URI.create(rig.emulator.baseUrl()), Credential.from(tokenFile::get, "the test's token file"),
                Duration.ofSeconds(2), Duration.ofSeconds(5))), "/api/v1")) {
            SyncPolicy policy = new SyncPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));
            OutboxSync sync = new OutboxSync(rig.access, new TagbaseSink(client), policy,
                    Backoff.jittered(policy.backoffInitial(), policy.backoffMax(), new Random(1)), rig.clock, rig.alarms);
            Instant next = sync.runOnce();
            assertTrue(rig.alarms.isRaised(Alarm.AUTH_REFUSED));
            assertTrue(next.isAfter(rig.clock.instant().plusSeconds(10)), "backs off after the 401: " + next);
            assertEquals(sync.runOnce(), next, "still waiting: no call before the backoff ends");

            tokenFile.set(rig.apiKey()); // the operator fixes the token file, then asks for the reload
            assertTrue(sync.reloadCredentials(), "the token changed");
            sync.runOnce();

            assertEquals(OutboxState.CONFIRMED, rig.row(row).state(), "sent at once, not after the backoff");
            assertFalse(rig.alarms.isRaised(Alarm.AUTH_REFUSED));
        }
    }

    @Test
    void aStatusThatSaysNothingAboutAReportQuarantinesNothing() {
        rig = SyncRig.start(dir, 100);
        rig.seedAndLease(3);
        List<Long> rows = List.of(rig.configure(rig.nextTag()), rig.configure(rig.nextTag()), rig.fail(rig.nextTag()));
        // A wrong API base path (or a proxy's 404/408/413) refuses every request alike.
        try (TagbaseClient wrongBase = new TagbaseClient(new HttpTransport(
                HttpEndpoint.of(rig.emulator.baseUrl(), rig.apiKey())), "/api/v9")) {
            OutboxSync sync = new OutboxSync(rig.access, new TagbaseSink(wrongBase), SyncPolicy.defaults(),
                    SyncPolicy.defaults().backoff(new java.util.Random(3)), rig.clock, rig.alarms);
            Instant next = sync.runOnce();
            assertTrue(next.isAfter(rig.clock.instant()), "backs off");
            assertEquals(0, rig.outbox("quarantined"), "no row is blamed for a status about the request");
            assertEquals(3, rig.outbox("pending"));
            assertTrue(rig.alarms.isRaised(Alarm.OFFLINE), rig.alarms.raised().toString());
        }
        assertTrue(rig.drain(10), "the right client drains every row");
        rows.forEach(r -> assertEquals(OutboxState.CONFIRMED, rig.row(r).state()));
    }
}
