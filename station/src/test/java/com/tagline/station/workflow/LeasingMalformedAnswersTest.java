package com.tagline.station.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.line.SimulatedClock;
import com.tagline.simulator.platform.EmulatorFaults;
import com.tagline.simulator.platform.EmulatorHttpServer;
import com.tagline.simulator.platform.EmulatorResponse;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.LeaseSummary;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Leasing} against a platform whose lease and renew answers (platform-api §1.2) break the contract, over
 * loopback HTTP with a real SQLite store: each answer's bad part is refused with {@link Alarm#LEASE_FAILED}
 * naming it, nothing bad is stored, a refused lease is given back, and leasing backs off instead of stopping.
 */
class LeasingMalformedAnswersTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final ChipProtocol P424 = ChipProtocol.NTAG_424_DNA;
    private static final String GOOD_EXPIRY = "2026-11-25T09:00:00.000000Z";

    @TempDir
    Path dir;

    private final SimulatedClock clock = new SimulatedClock(T0);
    private final Alarms alarms = new Alarms();
    private final AtomicReference<String> leaseAnswer = new AtomicReference<>();
    private final AtomicReference<String> renewAnswer = new AtomicReference<>();
    private final AtomicInteger leaseCalls = new AtomicInteger();
    private final AtomicInteger releases = new AtomicInteger();
    private EmulatorHttpServer server;
    private TagbaseClient client;
    private Store store;
    private Leasing leasing;

    @BeforeEach
    void start() {
        server = new EmulatorHttpServer("odd-tagbase", new EmulatorFaults(1),
                (status, title, detail) -> EmulatorResponse.of(status, "text/plain", title),
                () -> new ObjectMapper().createObjectNode(), clock);
        server.route("POST", "/api/v1/encoding_leases", r -> {
            leaseCalls.incrementAndGet();
            return EmulatorResponse.of(201, "application/vnd.api+json", leaseAnswer.get());
        });
        server.route("POST", "/api/v1/encoding_leases/lse_1/renew",
                r -> EmulatorResponse.of(200, "application/vnd.api+json", renewAnswer.get()));
        server.route("DELETE", "/api/v1/encoding_leases/lse_1", r -> {
            releases.incrementAndGet();
            return EmulatorResponse.empty(204);
        });
        server.start(0);
        client = TagbaseClient.open(HttpEndpoint.of(server.baseUrl(), "k"), clock);
        store = Store.open(StoreConfig.of(dir.resolve("station.db"), "line-1").withClock(clock).withMinFreeBytes(0));
        leasing = new Leasing(StoreAccess.direct(store), client, new LeasePolicy(List.of(P424), 1, 10,
                Duration.ofHours(2), Duration.ofSeconds(5)), "line-1", clock, alarms);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        store.close();
    }

    private static String tag(String id, String url) {
        return "{\"type\":\"tags\",\"id\":\"" + id + "\",\"attributes\":{\"protocol\":\"ntag_424_dna\",\"url\":\""
                + url + "\",\"status\":\"created\"}}";
    }

    /** A lease answer: {@code ids} in relationships, {@code included} as given. */
    private static String lease(String expiresAt, List<String> ids, String... included) {
        String rel = String.join(",", ids.stream().map(i -> "{\"type\":\"tags\",\"id\":\"" + i + "\"}").toList());
        return "{\"data\":{\"type\":\"encoding_leases\",\"id\":\"lse_1\",\"attributes\":{\"station\":\"line-1\","
                + "\"expires_at\":\"" + expiresAt + "\"},\"relationships\":{\"tags\":{\"data\":[" + rel + "]}}},"
                + "\"included\":[" + String.join(",", included) + "]}";
    }

    private static String renewed(String expiresAt) {
        return "{\"data\":{\"type\":\"encoding_leases\",\"id\":\"lse_1\",\"attributes\":{\"station\":\"line-1\","
                + "\"expires_at\":\"" + expiresAt + "\"}}}";
    }

    private int available() {
        return store.jobs().available(P424);
    }

    /** The answer is refused as a whole: nothing stored, the lease given back, an alarm naming {@code what}. */
    private void refusedAndGivenBack(String what) {
        leasing.runOnce();
        assertEquals(0, available(), "nothing of a refused answer is stored");
        assertEquals(1, releases.get(), "the refused lease is given back, its tags not held for 24 h");
        assertTrue(alarms.isRaised(Alarm.LEASE_FAILED), alarms.raised().toString());
        String message = alarms.raised().get(Alarm.LEASE_FAILED);
        assertTrue(message.contains(what), message);
        leasing.runOnce();
        assertEquals(1, leaseCalls.get(), "backs off: the platform is not asked again at once");
    }

    @Test
    void anExpiryBeyondYear9999IsRefusedInsteadOfOverflowingTheStore() {
        leaseAnswer.set(lease("+1000000000-12-31T23:59:59Z", List.of("tag_a"), tag("tag_a", "https://t.example/a")));
        refusedAndGivenBack("/data/attributes/expires_at");
    }

    @Test
    void aLeaseThatHasAlreadyExpiredIsRefused() {
        leaseAnswer.set(lease("2001-01-01T00:00:00.000000Z", List.of("tag_a"), tag("tag_a", "https://t.example/a")));
        refusedAndGivenBack("expires_at");
    }

    @Test
    void theSameTagTwiceInOneLeaseIsRefused() {
        leaseAnswer.set(lease(GOOD_EXPIRY, List.of("tag_a", "tag_a"), tag("tag_a", "https://t.example/a"),
                tag("tag_a", "https://t.example/other")));
        refusedAndGivenBack("tag_a");
    }

    @Test
    void includedTagsThatAreNotTheLeasesTagsAreRefused() {
        leaseAnswer.set(lease(GOOD_EXPIRY, List.of("tag_a"), tag("tag_a", "https://t.example/a"),
                tag("tag_b", "https://t.example/b")));
        refusedAndGivenBack("tag_b");
    }

    @Test
    void aLeasedTagMissingFromIncludedIsRefused() {
        leaseAnswer.set(lease(GOOD_EXPIRY, List.of("tag_a", "tag_b"), tag("tag_a", "https://t.example/a")));
        refusedAndGivenBack("tag_b");
    }

    @Test
    void moreTagsThanAskedForAreRefused() {
        List<String> ids = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "tag_" + i).toList();
        leaseAnswer.set(lease(GOOD_EXPIRY, ids, ids.stream().map(i -> tag(i, "https://t.example/" + i))
                .toArray(String[]::new)));
        refusedAndGivenBack("11 tags");
    }

    @Test
    void anUnknownProtocolIsRefusedAndTheLeaseGivenBack() {
        leaseAnswer.set(lease(GOOD_EXPIRY, List.of("tag_a"), tag("tag_a", "https://t.example/a")
                .replace("ntag_424_dna", "mifare_classic")));
        refusedAndGivenBack("mifare_classic");
    }

    @Test
    void tagsWithUnusableUrlsAreLeftOutAndNamedTheRestAreLeased() {
        leaseAnswer.set(lease(GOOD_EXPIRY, List.of("tag_ok", "tag_js", "tag_ctl", "tag_rel", "tag_long"),
                tag("tag_ok", "https://t.example/ok"), tag("tag_js", "javascript:alert(1)"),
                tag("tag_ctl", "https://t.example/a\\u0007b"), tag("tag_rel", "/relative/path"),
                tag("tag_long", "https://t.example/" + "x".repeat(5000))));
        leasing.runOnce();
        assertEquals(List.of("tag_ok"), java.util.stream.Stream.of("tag_ok", "tag_js", "tag_ctl", "tag_rel", "tag_long")
                .filter(t -> store.jobs().isAvailable(t)).toList(), "only the tag with a usable URL is stored");
        String message = alarms.raised().get(Alarm.LEASE_FAILED);
        assertTrue(message != null && message.contains("tag_js") && message.contains("tag_ctl")
                && message.contains("tag_rel") && message.contains("tag_long"), String.valueOf(message));
    }

    @Test
    void aTagIdThatIsNotAPathSegmentIsRefused() {
        leaseAnswer.set(lease(GOOD_EXPIRY, List.of("../tags/tag_a"), tag("../tags/tag_a", "https://t.example/a")));
        refusedAndGivenBack("/data/relationships/tags/data/0/id is not a usable id");
    }

    @Test
    void aRenewalIntoThePastOrBeyondYear9999KeepsTheLeaseAsStored() {
        // expires within renew_before (2 h): the same pass renews it
        Instant expiry = T0.plus(Duration.ofHours(1));
        leaseAnswer.set(lease("2026-11-24T10:00:00.000000Z", List.of("tag_a"), tag("tag_a", "https://t.example/a")));
        for (String odd : List.of("2001-01-01T00:00:00.000000Z", "+1000000000-12-31T23:59:59Z", "not a date")) {
            renewAnswer.set(renewed(odd));
            clock.advance(Duration.ofMinutes(6)); // past the backoff of the previous refusal
            leasing.runOnce();
            List<LeaseSummary> leases = store.jobs().leases();
            assertEquals(1, leases.size(), leases.toString());
            assertEquals(expiry, leases.get(0).expiresAt(), odd + " is not stored");
            assertTrue(alarms.isRaised(Alarm.LEASE_FAILED), odd);
            assertTrue(alarms.raised().get(Alarm.LEASE_FAILED).contains("expires_at"),
                    alarms.raised().get(Alarm.LEASE_FAILED));
        }
        renewAnswer.set(renewed("2026-11-25T10:00:00.000000Z"));
        clock.advance(Duration.ofMinutes(6));
        leasing.runOnce();
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), store.jobs().leases().get(0).expiresAt(),
                "recovers when the platform answers well again");
    }
}
