package com.tagline.simulator.platform.tagbase;

import static com.tagline.simulator.platform.tagbase.TagbaseHttp.leaseBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.line.SimulatedClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Encoding leases (platform-api §1.2): oldest first, exclusive while live, 24 h life on the injected clock. */
class TagbaseLeasesTest {
    private static final String KEY = "tb_station_key";
    private final SimulatedClock clock = new SimulatedClock(TagbaseHttp.T0);
    private TagbaseEmulator emulator;
    private TagbaseHttp http;

    @BeforeEach
    void start() {
        emulator = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(KEY).withApiKey("tb_other", "other")
                .withClock(clock));
        http = new TagbaseHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private JsonNode lease(int max, String... protocols) throws Exception {
        return http.expect(201, "/api/v1/encoding_leases", KEY, leaseBody("line-1", max, protocols));
    }

    private static List<String> ids(JsonNode lease) {
        List<String> ids = new ArrayList<>();
        lease.path("data").path("relationships").path("tags").path("data").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    @Test
    void handsOutTheOldestCreatedTagsWithTheirAttributes() throws Exception {
        List<String> seeded = emulator.seedTags(KEY, 5, ChipProtocol.NTAG_424_DNA, "https://x.test/p");
        JsonNode l = lease(3, "ntag_424_dna");
        assertTrue(l.path("data").path("id").asText().startsWith("lse_"));
        assertEquals("line-1", l.path("data").path("attributes").path("station").asText());
        assertEquals(clock.instant().plus(Duration.ofHours(24)),
                Instant.parse(l.path("data").path("attributes").path("expires_at").asText()));
        assertEquals(seeded.subList(0, 3), ids(l));
        JsonNode first = l.path("included").path(0);
        assertEquals(seeded.get(0), first.path("id").asText());
        assertEquals("ntag_424_dna", first.path("attributes").path("protocol").asText());
        assertEquals("https://x.test/p/seed-1", first.path("attributes").path("url").asText());
        assertEquals("created", first.path("attributes").path("status").asText());
        // Tags in a live lease are not handed out again.
        assertEquals(seeded.subList(3, 5), ids(lease(10, "ntag_424_dna")));
        JsonNode empty = lease(10, "ntag_424_dna");
        assertEquals(List.of(), ids(empty));
        assertEquals(0, empty.path("included").size());
        assertEquals(3, emulator.state().leases("live"));
    }

    @Test
    void filtersByProtocolAndAccount() throws Exception {
        List<String> a = emulator.seedTags(KEY, 2, ChipProtocol.NTAG_424_DNA, "https://x.test/a");
        List<String> b = emulator.seedTags(KEY, 2, ChipProtocol.NTAG_223_DNA, "https://x.test/b");
        emulator.seedTags("tb_other", 2, ChipProtocol.NTAG_223_DNA, "https://x.test/c");
        assertEquals(b, ids(lease(10, "ntag_223_dna")));
        JsonNode all = http.expect(201, "/api/v1/encoding_leases", KEY,
                "{\"data\":{\"type\":\"encoding_leases\",\"attributes\":{\"station\":\"s\",\"max_tags\":10}}}");
        assertEquals(a, ids(all));
    }

    @Test
    void expiredLeasesFreeTheirTagsAndCannotBeRenewed() throws Exception {
        List<String> seeded = emulator.seedTags(KEY, 2, ChipProtocol.NTAG_424_DNA, "https://x.test/p");
        String leaseId = lease(2, "ntag_424_dna").path("data").path("id").asText();
        clock.advance(Duration.ofHours(23));
        assertEquals(List.of(), ids(lease(2, "ntag_424_dna")));
        clock.advance(Duration.ofHours(1));
        assertEquals(1, emulator.state().leases("expired"));
        assertEquals(seeded, ids(lease(2, "ntag_424_dna")));
        HttpResponse<String> renew = http.post("/api/v1/encoding_leases/" + leaseId + "/renew", KEY, null);
        assertEquals(409, renew.statusCode(), renew.body());
    }

    @Test
    void renewExtendsTheLeaseBy24HoursFromNow() throws Exception {
        List<String> seeded = emulator.seedTags(KEY, 1, ChipProtocol.NTAG_424_DNA, "https://x.test/p");
        String leaseId = lease(1, "ntag_424_dna").path("data").path("id").asText();
        clock.advance(Duration.ofHours(20));
        JsonNode renewed = http.expect(200, "/api/v1/encoding_leases/" + leaseId + "/renew", KEY, null);
        assertEquals(leaseId, renewed.path("data").path("id").asText());
        assertEquals(clock.instant().plus(Duration.ofHours(24)),
                Instant.parse(renewed.path("data").path("attributes").path("expires_at").asText()));
        clock.advance(Duration.ofHours(20));
        assertEquals(List.of(), ids(lease(1, "ntag_424_dna")));
        assertEquals(seeded.size(), 1);
        assertEquals(404, http.post("/api/v1/encoding_leases/lse_missing/renew", KEY, null).statusCode());
        assertEquals(404, http.post("/api/v1/encoding_leases/" + leaseId + "/renew", "tb_other", null).statusCode());
    }

    @Test
    void releaseReturnsUnreportedTagsToThePool() throws Exception {
        List<String> seeded = emulator.seedTags(KEY, 3, ChipProtocol.NTAG_424_DNA, "https://x.test/p");
        String leaseId = lease(3, "ntag_424_dna").path("data").path("id").asText();
        http.expect(200, "/api/v1/tag_configurations", KEY,
                TagbaseHttp.reports(TagbaseHttp.configured(seeded.get(0), "04A1B2C3D4E5F6")));
        HttpResponse<String> del = http.call("DELETE", "/api/v1/encoding_leases/" + leaseId, KEY, null, null);
        assertEquals(204, del.statusCode());
        assertEquals("", del.body());
        assertEquals(204, http.call("DELETE", "/api/v1/encoding_leases/" + leaseId, KEY, null, null).statusCode());
        assertEquals(404, http.call("DELETE", "/api/v1/encoding_leases/lse_missing", KEY, null, null).statusCode());
        assertEquals(seeded.subList(1, 3), ids(lease(5, "ntag_424_dna")));
        assertEquals(1, emulator.state().leases("released"));
        HttpResponse<String> renew = http.post("/api/v1/encoding_leases/" + leaseId + "/renew", KEY, null);
        assertEquals(409, renew.statusCode());
    }

    @Test
    void badLeaseRequestsAre400Or422WithPointers() throws Exception {
        HttpResponse<String> r = http.post("/api/v1/encoding_leases", KEY, leaseBody("line-1", 501, "ntag_424_dna"));
        assertEquals(422, r.statusCode());
        assertEquals("/data/attributes/max_tags", TagbaseHttp.pointer(r));
        assertEquals(422, http.post("/api/v1/encoding_leases", KEY, leaseBody("line-1", 0, "ntag_424_dna")).statusCode());
        r = http.post("/api/v1/encoding_leases", KEY, leaseBody("line-1", 5, "ntag_424_dna", "mifare"));
        assertEquals(422, r.statusCode());
        assertEquals("/data/attributes/protocols/1", TagbaseHttp.pointer(r));
        r = http.post("/api/v1/encoding_leases", KEY,
                "{\"data\":{\"type\":\"encoding_leases\",\"attributes\":{\"max_tags\":5}}}");
        assertEquals(400, r.statusCode());
        assertEquals("/data/attributes/station", TagbaseHttp.pointer(r));
        assertEquals(400, http.post("/api/v1/encoding_leases", KEY, "{\"data\":[]}").statusCode());
        assertEquals(401, http.post("/api/v1/encoding_leases", "tb_bad", leaseBody("l", 5)).statusCode());
        assertEquals(0, emulator.state().leases("live"));
    }
}
