package com.tagline.simulator.platform.tagbase;

import static com.tagline.simulator.platform.tagbase.TagbaseHttp.configured;
import static com.tagline.simulator.platform.tagbase.TagbaseHttp.failed;
import static com.tagline.simulator.platform.tagbase.TagbaseHttp.leaseBody;
import static com.tagline.simulator.platform.tagbase.TagbaseHttp.reports;
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

/** Outcome reports (platform-api §1.2): each answer kind, in request order, and their effect on tags and leases. */
class TagbaseReportsTest {
    private static final String KEY = "tb_station_key";
    private static final String UID_A = "04A1B2C3D4E5F6";
    private static final String UID_B = "04112233445566";
    private final SimulatedClock clock = new SimulatedClock(TagbaseHttp.T0);
    private TagbaseEmulator emulator;
    private TagbaseHttp http;
    private List<String> tags;

    @BeforeEach
    void start() {
        emulator = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(KEY).withApiKey("tb_other", "other")
                .withClock(clock));
        http = new TagbaseHttp(emulator);
        tags = emulator.seedTags(KEY, 3, ChipProtocol.NTAG_424_DNA, "https://x.test/p");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private List<String> results(String body) throws Exception {
        JsonNode answer = http.expect(200, "/api/v1/tag_configurations", KEY, body);
        List<String> out = new ArrayList<>();
        answer.path("data").forEach(r -> {
            assertEquals("tag_configurations", r.path("type").asText());
            out.add(r.path("id").asText() + ":" + r.path("attributes").path("result").asText());
        });
        return out;
    }

    @Test
    void configuredIsAcceptedThenDuplicateOnReSend() throws Exception {
        String body = reports(configured(tags.get(0), UID_A));
        assertEquals(List.of(tags.get(0) + ":accepted"), results(body));
        assertEquals(List.of(tags.get(0) + ":duplicate"), results(body));
        TagView t = emulator.tag(tags.get(0)).orElseThrow();
        assertEquals(TagStatus.CONFIGURED, t.status());
        assertEquals(UID_A, t.uid());
        assertEquals(Instant.parse("2026-11-24T09:00:00Z"), t.configuredAt());
        JsonNode a = TagbaseHttp.json(http.get("/api/v1/tags/" + tags.get(0), KEY)).path("data").path("attributes");
        assertEquals("configured", a.path("status").asText());
        assertEquals("2026-11-24T09:00:00.000000Z", a.path("configured_at").asText());
        assertEquals(1, emulator.state().reports("accepted"));
        assertEquals(1, emulator.state().reports("duplicate"));
        assertEquals(List.of(ReportResult.Kind.ACCEPTED, ReportResult.Kind.DUPLICATE),
                emulator.reportAnswers(tags.get(0)), "the tag's answers, in order");
        assertEquals(List.of(), emulator.reportAnswers(tags.get(1)), "no report, no answer");
    }

    @Test
    void conflictsForAnotherUidOnTheTagAndForAUidBoundElsewhere() throws Exception {
        results(reports(configured(tags.get(0), UID_A)));
        HttpResponse<String> r = http.post("/api/v1/tag_configurations", KEY,
                reports(configured(tags.get(0), UID_B), configured(tags.get(1), UID_A.toLowerCase())));
        JsonNode data = TagbaseHttp.json(r).path("data");
        assertEquals("conflict", data.path(0).path("attributes").path("result").asText());
        assertTrue(data.path(0).path("attributes").path("detail").asText().contains(UID_A));
        assertEquals("conflict", data.path(1).path("attributes").path("result").asText());
        assertTrue(data.path(1).path("attributes").path("detail").asText().contains(tags.get(0)));
        assertEquals(UID_A, emulator.tag(tags.get(0)).orElseThrow().uid());
        assertEquals(TagStatus.CREATED, emulator.tagStatus(tags.get(1)).orElseThrow());
        JsonNode conflicts = http.state().path("conflicts");
        assertEquals(2, conflicts.size());
        assertEquals(tags.get(0), conflicts.path(0).path("tag_id").asText());
        assertEquals(UID_B, conflicts.path(0).path("uid").asText());
        assertEquals(tags.get(1), conflicts.path(1).path("tag_id").asText());
        assertEquals(UID_A, conflicts.path(1).path("uid").asText());
        assertEquals(2, http.state().path("reports").path("conflict").asLong());
        assertEquals(List.of(ReportResult.Kind.ACCEPTED, ReportResult.Kind.CONFLICT), emulator.reportAnswers(tags.get(0)));
    }

    @Test
    void rejectedForUnknownTagsOtherAccountsAndInvalidEntriesInRequestOrder() throws Exception {
        String foreign = emulator.seedTags("tb_other", 1, ChipProtocol.NTAG_424_DNA, "https://x.test/o").get(0);
        List<String> got = results(reports(configured("tag_missing", UID_A), configured(tags.get(0), UID_A),
                configured(foreign, UID_B), configured(tags.get(1), "04ZZ"),
                "{\"type\":\"tag_configurations\",\"attributes\":{\"tag_id\":\"" + tags.get(2) + "\",\"outcome\":\"lost\"}}"));
        assertEquals(List.of("tag_missing:rejected", tags.get(0) + ":accepted", foreign + ":rejected",
                tags.get(1) + ":rejected", tags.get(2) + ":rejected"), got);
        assertEquals(TagStatus.CREATED, emulator.tagStatus(foreign).orElseThrow());
        assertEquals(4, emulator.state().reports("rejected"));
    }

    @Test
    void failedReturnsTheTagToThePoolAndIsDuplicateOnReSend() throws Exception {
        JsonNode lease = http.expect(201, "/api/v1/encoding_leases", KEY, leaseBody("line-1", 3, "ntag_424_dna"));
        assertEquals(3, lease.path("included").size());
        String body = reports(failed(tags.get(1), "2026-11-24T09:00:01.000000Z"));
        assertEquals(List.of(tags.get(1) + ":accepted"), results(body));
        assertEquals(List.of(tags.get(1) + ":duplicate"), results(body));
        assertEquals(TagStatus.CREATED, emulator.tagStatus(tags.get(1)).orElseThrow());
        JsonNode again = http.expect(201, "/api/v1/encoding_leases", KEY, leaseBody("line-2", 3, "ntag_424_dna"));
        assertEquals(tags.get(1), again.path("data").path("relationships").path("tags").path("data").path(0)
                .path("id").asText());
        assertEquals(1, again.path("included").size());
    }

    @Test
    void failedAfterConfiguredLeavesTheTagConfigured() throws Exception {
        results(reports(configured(tags.get(0), UID_A)));
        assertEquals(List.of(tags.get(0) + ":accepted"), results(reports(failed(tags.get(0), "2026-11-24T10:00:00Z"))));
        assertEquals(TagStatus.CONFIGURED, emulator.tagStatus(tags.get(0)).orElseThrow());
        assertEquals(UID_A, emulator.tag(tags.get(0)).orElseThrow().uid());
    }

    @Test
    void reportsForAnExpiredLeaseAreStillApplied() throws Exception {
        http.expect(201, "/api/v1/encoding_leases", KEY, leaseBody("line-1", 3, "ntag_424_dna"));
        clock.advance(Duration.ofHours(25));
        assertEquals(List.of(tags.get(2) + ":accepted"), results(reports(configured(tags.get(2), UID_B))));
        assertEquals(TagStatus.CONFIGURED, emulator.tagStatus(tags.get(2)).orElseThrow());
        JsonNode next = http.expect(201, "/api/v1/encoding_leases", KEY, leaseBody("line-2", 5, "ntag_424_dna"));
        assertEquals(2, next.path("included").size());
    }

    @Test
    void malformedReportDocumentsAre400AndBadKeys401() throws Exception {
        assertEquals(400, http.post("/api/v1/tag_configurations", KEY, "{\"data\":[]}").statusCode());
        assertEquals(400, http.post("/api/v1/tag_configurations", KEY, "{\"data\":[{\"type\":\"x\"}]}").statusCode());
        assertEquals(401, http.post("/api/v1/tag_configurations", "tb_bad",
                reports(configured(tags.get(0), UID_A))).statusCode());
        assertEquals(TagStatus.CREATED, emulator.tagStatus(tags.get(0)).orElseThrow());
        assertEquals(0, emulator.state().reports("accepted"));
    }
}
