package com.tagline.station.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.retry.Backoff;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.line.SimulatedClock;
import com.tagline.simulator.platform.EmulatorFaults;
import com.tagline.simulator.platform.FaultSettings;
import com.tagline.simulator.platform.ixkio.IxkioAccount;
import com.tagline.simulator.platform.ixkio.IxkioEmulator;
import com.tagline.simulator.platform.ixkio.TagCode;
import com.tagline.simulator.platform.ixkio.TagCodeSeed;
import com.tagline.station.ixkio.ChipUrlFit;
import com.tagline.station.ixkio.ManifestImport;
import com.tagline.station.personalize.Reason;
import com.tagline.station.platform.Credential;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.ixkio.IxkioClient;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.OutboxState;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreConfig;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutboxSync} with its {@link IxkioSink} over real loopback HTTP to the ixkio emulator, with a real SQLite file and a virtual
 * clock (issue 7): applied, rejected, 401, 5xx and outage, failed outcomes.
 */
class IxkioSinkTest {
    private static final String KEY = "ix-test-key";
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final String MANIFEST = "xuid,url,ix_dr,nft_chain,nft_contract,nft_token,nft_owner\n"
            + "X1,https://t.example/1,https://own.example/1,polygon_test,0xC,11,0xO\n"
            + "X2,https://t.example/2,,,,,\n"
            + "X3,https://t.example/3,,,,,\n"
            + "GONE,https://t.example/gone,,,,,\n";

    @TempDir
    Path dir;
    private final SimulatedClock clock = new SimulatedClock(T0);
    private final Alarms alarms = new Alarms();
    private IxkioEmulator emulator;
    private StoreAccess store;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        List<TagCodeSeed> seeds = List.of(seed("X1"), seed("X2"), seed("X3"));
        emulator = IxkioEmulator.start(new IxkioAccount("A1", seeds, clock), KEY, new EmulatorFaults(3), 0);
        store = StoreAccess.direct(Store.open(StoreConfig.of(dir.resolve("station.db"), "line-1").withClock(clock)
                .withMinFreeBytes(0)));
        ManifestImport.Result r = ManifestImport.run(new StringReader(MANIFEST), "m.csv", ChipUrlFit.defaults(), store);
        assertTrue(r instanceof ManifestImport.Result.Imported, r.toString());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        store.close();
        emulator.close();
    }

    private static TagCodeSeed seed(String xuid) {
        return new TagCodeSeed(xuid, "", "", "https://group.example/");
    }

    private OutboxSync sink(String token) {
        return sink(Credential.fixed(token));
    }

    private OutboxSync sink(Credential token) {
        IxkioClient client = IxkioClient.open(new HttpEndpoint(URI.create(emulator.baseUrl()), token,
                Duration.ofSeconds(2), Duration.ofSeconds(3)));
        clients.add(client);
        SyncPolicy policy = SyncPolicy.defaults();
        return new OutboxSync(store, new IxkioSink(store, client), policy, Backoff.jittered(policy.backoffInitial(),
                policy.backoffMax(), new Random(1)), clock, alarms);
    }

    private long configured(String xuid, String uid) {
        return store.call(s -> {
            long a = s.beginAttempt(xuid, uid, ChipProtocol.NTAG_424_DNA);
            return s.completeAttempt(a, Outcome.CONFIGURED, Reason.CONFIGURED, "", 1);
        });
    }

    private long failed(String xuid, String uid) {
        return store.call(s -> {
            long a = s.beginAttempt(xuid, uid, ChipProtocol.NTAG_424_DNA);
            return s.completeAttempt(a, Outcome.FAILED, Reason.COUNTERFEIT, "originality signature invalid", null);
        });
    }

    private OutboxEntry row(long id) {
        return store.call(s -> s.outbox().entry(id)).orElseThrow();
    }

    private TagCode code(String xuid) {
        return emulator.account().tagCode(xuid).orElseThrow();
    }

    /** Runs passes as the sync thread would, advancing virtual time to each due time, until drained. */
    private int drain(OutboxSync sync, Duration budget) {
        Instant end = clock.instant().plus(budget);
        int passes = 0;
        while (!sync.drained() && clock.instant().isBefore(end)) {
            Instant next = sync.runOnce();
            passes++;
            if (next.isAfter(clock.instant())) {
                clock.advance(Duration.between(clock.instant(), next));
            }
        }
        return passes;
    }

    @Test
    void appliedUpdatesAreConfirmedAndTheTagCodeIsActiveAssignedWithItsFields() {
        long id1 = configured("X1", "04a1b2c3d4e5f6");
        long id2 = configured("X2", "04A1B2C3D4E5F7");
        clock.advance(Duration.ofSeconds(5));
        OutboxSync sync = sink(KEY);
        sync.runOnce();
        assertTrue(sync.drained());
        assertEquals(OutboxState.CONFIRMED, row(id1).state());
        assertEquals(OutboxState.CONFIRMED, row(id2).state());
        assertEquals(2, sync.stats().accepted());
        TagCode x1 = code("X1");
        assertTrue(x1.active() && x1.assigned());
        assertEquals(T0.plusSeconds(5), x1.assignedAt());
        assertEquals("https://own.example/1", x1.effectiveResponse());
        assertEquals("polygon_test", x1.nftChain());
        assertEquals("0xC", x1.nftContract());
        assertEquals("11", x1.nftToken());
        assertEquals("0xO", x1.nftOwner());
        TagCode x2 = code("X2");
        assertTrue(x2.active() && x2.assigned());
        assertEquals("https://group.example/", x2.effectiveResponse(), "no ix_dr sent: the group's response stays");
        assertFalse(code("X3").active(), "no outcome, no update");
        assertTrue(alarms.raised().isEmpty(), alarms.raised().toString());
    }

    @Test
    void aRejectedUpdateIsQuarantinedWithItsMessageAndNeverSentAgain() {
        long gone = configured("GONE", "04A1B2C3D4E5F8");
        long ok = configured("X3", "04A1B2C3D4E5F9");
        OutboxSync sync = sink(KEY);
        sync.runOnce();
        assertEquals(OutboxState.QUARANTINED, row(gone).state());
        assertTrue(row(gone).lastError().orElseThrow().contains("Tag Code not found"), row(gone).lastError().toString());
        assertEquals(OutboxState.CONFIRMED, row(ok).state());
        assertTrue(alarms.raised().get(Alarm.REPORT_REJECTED).contains("Tag Code not found"));
        long rejectedBefore = emulator.account().counts().updatesRejected();
        clock.advance(Duration.ofMinutes(5));
        sync.runOnce();
        sync.runOnce();
        assertEquals(rejectedBefore, emulator.account().counts().updatesRejected(), "not retried");
        assertEquals(1, sync.stats().rejected());
        assertTrue(sync.drained(), "quarantined rows wait for an operator, not for the sink");
    }

    @Test
    void aRefusedTokenKeepsTheRowsWaitsItsBackoffAndTheTokenCorrectedAtItsSourceIsUsedWithoutARestart() {
        long id = configured("X1", "04A1B2C3D4E5F6");
        AtomicReference<String> tokenFile = new AtomicReference<>("not-the-key");
        OutboxSync sync = sink(Credential.from(tokenFile::get, "the test's token file"));
        Instant next = sync.runOnce();
        assertTrue(next.isAfter(clock.instant()), "a refused token is not pressed: the next call waits");
        assertTrue(alarms.isRaised(Alarm.AUTH_REFUSED));
        assertFalse(alarms.raised().get(Alarm.AUTH_REFUSED).contains("not-the-key"), "the token is never shown");
        assertEquals(OutboxState.PENDING, row(id).state());
        assertEquals(next, sync.runOnce(), "no call before the backoff ends");
        assertEquals(1, emulator.account().counts().unauthorized());
        assertFalse(code("X1").active());

        tokenFile.set(KEY); // the operator fixes the token file
        clock.advance(Duration.between(clock.instant(), next));
        drain(sync, Duration.ofMinutes(5));
        assertEquals(OutboxState.CONFIRMED, row(id).state());
        assertTrue(code("X1").active() && code("X1").assigned());
        assertFalse(alarms.isRaised(Alarm.AUTH_REFUSED), "cleared once ixkio takes the token");
        assertEquals(1, emulator.account().counts().unauthorized(), "one refused call, no more");
    }

    @Test
    void anOperatorsReloadRetriesAtOnceWithTheNewToken() {
        long id = configured("X1", "04A1B2C3D4E5F6");
        AtomicReference<String> tokenFile = new AtomicReference<>("not-the-key");
        OutboxSync sync = sink(Credential.from(tokenFile::get, "the test's token file"));
        assertTrue(sync.runOnce().isAfter(clock.instant()));
        tokenFile.set(KEY);
        assertTrue(sync.reloadCredentials(), "the token changed");
        sync.runOnce();
        assertEquals(OutboxState.CONFIRMED, row(id).state(), "sent at once, without waiting for the backoff");
        assertTrue(code("X1").active());
        assertEquals(1, emulator.account().counts().unauthorized(), "the old token was sent once only");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffHonouringRetryAfterThenDrained() {
        long id1 = configured("X1", "04A1B2C3D4E5F6");
        long id2 = configured("X2", "04A1B2C3D4E5F7");
        emulator.faults().set(new FaultSettings(false, 0, 1.0, 0));
        OutboxSync sync = sink(KEY);
        Instant next = sync.runOnce();
        assertFalse(next.isBefore(clock.instant().plusSeconds(1)), "Retry-After: 1 is honoured, next " + next);
        assertEquals(OutboxState.PENDING, row(id1).state());
        assertTrue(alarms.isRaised(Alarm.OFFLINE));
        assertEquals(next, sync.runOnce(), "no call before the backoff ends");
        clock.advance(Duration.between(clock.instant(), next));
        Instant again = sync.runOnce();
        assertTrue(Duration.between(clock.instant(), again).compareTo(Duration.ofSeconds(1)) >= 0);
        assertEquals(2, sync.stats().refusedBatches());
        emulator.faults().clear();
        drain(sync, Duration.ofMinutes(5));
        assertTrue(sync.drained());
        assertEquals(OutboxState.CONFIRMED, row(id1).state());
        assertEquals(OutboxState.CONFIRMED, row(id2).state());
        assertFalse(alarms.isRaised(Alarm.OFFLINE), "cleared once ixkio answers");
        assertEquals(2, emulator.account().counts().updatesApplied(), "nothing applied twice, nothing lost");
    }

    @Test
    void anOutageIsRiddenOutWithGrowingBackoffAndNothingIsLost() {
        List<Long> ids = List.of(configured("X1", "04A1B2C3D4E5F6"), configured("X2", "04A1B2C3D4E5F7"),
                configured("X3", "04A1B2C3D4E5F8"));
        emulator.faults().set(new FaultSettings(true, 0, 0, 0));
        OutboxSync sync = sink(KEY);
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant next = sync.runOnce();
            delays.add(Duration.between(clock.instant(), next));
            clock.advance(delays.get(i));
        }
        assertTrue(delays.get(3).compareTo(delays.get(0)) > 0, "backoff grows: " + delays);
        assertEquals(4, sync.stats().ambiguousBatches());
        assertEquals(OutboxState.SENT, row(ids.get(0)).state(), "in doubt, kept");
        emulator.faults().clear();
        drain(sync, Duration.ofMinutes(5));
        for (long id : ids) {
            assertEquals(OutboxState.CONFIRMED, row(id).state());
        }
        assertEquals(3, emulator.account().counts().active());
        assertEquals(3, emulator.account().counts().assigned());
    }

    @Test
    void failedOutcomesAreReportedLocallyOnlyAndTheTagCodeStaysInactive() {
        long id = failed("X2", "04A1B2C3D4E5F7");
        OutboxSync sync = sink(KEY);
        sync.runOnce();
        OutboxEntry e = row(id);
        assertEquals(OutboxState.CONFIRMED, e.state());
        assertEquals(IxkioSink.REPORTED_LOCALLY, e.lastError().orElseThrow());
        assertTrue((Boolean) store.call(s -> s.outbox().confirmedLocally(id)));
        assertEquals(1, sync.stats().reportedLocally());
        assertEquals(0, emulator.account().counts().updatesApplied() + emulator.account().counts().updatesRejected(),
                "no call made");
        assertFalse(code("X2").active());
        assertNotNull(store.call(s -> s.outbox().entry(id)), "nothing deleted");
    }
}
