package com.tagline.simulator.platform.tagbase;

import static com.tagline.simulator.platform.tagbase.TagbaseHttp.pointer;
import static com.tagline.simulator.platform.tagbase.TagbaseHttp.tagsBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public Tags API (seed 002; platform-api §1.1) over loopback HTTP: every status and the error documents. */
class TagbaseTagsApiTest {
    private static final String KEY = "tb_test_alpha";
    private static final String OTHER = "tb_test_beta";
    private TagbaseEmulator emulator;
    private TagbaseHttp http;

    @BeforeEach
    void start() {
        emulator = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(KEY).withApiKey(OTHER, "beta"));
        http = new TagbaseHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void createsABatchInRequestOrderAndRetrievesEachTag() throws Exception {
        HttpResponse<String> r = http.post("/api/v1/tags", KEY, tagsBody("ntag_424_dna", "https://x.test/a",
                "ntag_223_dna", "https://x.test/b"));
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(TagbaseHttp.MEDIA, r.headers().firstValue("content-type").orElseThrow());
        JsonNode data = TagbaseHttp.json(r).path("data");
        assertEquals(2, data.size());
        assertEquals("https://x.test/a", data.path(0).path("attributes").path("url").asText());
        assertEquals("https://x.test/b", data.path(1).path("attributes").path("url").asText());
        String id = data.path(1).path("id").asText();
        assertTrue(id.startsWith("tag_"), id);

        HttpResponse<String> g = http.get("/api/v1/tags/" + id, KEY);
        assertEquals(200, g.statusCode());
        JsonNode a = TagbaseHttp.json(g).path("data").path("attributes");
        assertEquals("tags", TagbaseHttp.json(g).path("data").path("type").asText());
        assertEquals("ntag_223_dna", a.path("protocol").asText());
        assertEquals("https://x.test/b", a.path("url").asText());
        assertEquals("created", a.path("status").asText());
        assertTrue(a.path("configured_at").isNull());
    }

    @Test
    void missingContentTypeIsToleratedAndAnotherIs415() throws Exception {
        assertEquals(201, http.call("POST", "/api/v1/tags", KEY, tagsBody("ntag_424_dna", "https://x.test/1"), null)
                .statusCode());
        HttpResponse<String> r = http.call("POST", "/api/v1/tags", KEY, tagsBody("ntag_424_dna", "https://x.test/2"),
                "application/json");
        assertEquals(415, r.statusCode());
        assertEquals("415", TagbaseHttp.json(r).path("errors").path(0).path("status").asText());
        assertEquals(1, emulator.state().tags("created"));
    }

    @Test
    void badKeysAre401() throws Exception {
        String body = tagsBody("ntag_424_dna", "https://x.test/1");
        assertEquals(401, http.post("/api/v1/tags", null, body).statusCode());
        assertEquals(401, http.post("/api/v1/tags", "tb_unknown", body).statusCode());
        emulator.revokeApiKey(OTHER);
        HttpResponse<String> r = http.post("/api/v1/tags", OTHER, body);
        assertEquals(401, r.statusCode());
        assertEquals("401", TagbaseHttp.json(r).path("errors").path(0).path("status").asText());
        assertEquals(401, http.get("/api/v1/tags/tag_0000000000000000", OTHER).statusCode());
        assertEquals(0, emulator.state().tags("created"));
    }

    @Test
    void malformedBatchesAre400WithPointers() throws Exception {
        assertEquals("/data", pointer(http.post("/api/v1/tags", KEY, "{\"data\":[]}")));
        assertEquals("/data", pointer(http.post("/api/v1/tags", KEY, "{\"data\":{}}")));
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            big.append(i == 0 ? "" : ",").append("{\"type\":\"tags\",\"attributes\":{\"protocol\":\"ntag_424_dna\","
                    + "\"url\":\"https://x.test/").append(i).append("\"}}");
        }
        HttpResponse<String> tooMany = http.post("/api/v1/tags", KEY, "{\"data\":[" + big + "]}");
        assertEquals(400, tooMany.statusCode());
        HttpResponse<String> noUrl = http.post("/api/v1/tags", KEY,
                "{\"data\":[{\"type\":\"tags\",\"attributes\":{\"protocol\":\"ntag_424_dna\",\"url\":\"https://x.test/1\"}},"
                        + "{\"type\":\"tags\",\"attributes\":{\"protocol\":\"ntag_424_dna\"}}]}");
        assertEquals(400, noUrl.statusCode());
        assertEquals("/data/1/attributes/url", pointer(noUrl));
        HttpResponse<String> noProtocol = http.post("/api/v1/tags", KEY,
                "{\"data\":[{\"type\":\"tags\",\"attributes\":{\"url\":\"https://x.test/1\"}}]}");
        assertEquals("/data/0/attributes/protocol", pointer(noProtocol));
        assertEquals(400, http.post("/api/v1/tags", KEY, "not json").statusCode());
        assertEquals(0, emulator.state().tags("created"));
    }

    @Test
    void exactly500IsAccepted() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            b.append(i == 0 ? "" : ",").append("{\"type\":\"tags\",\"attributes\":{\"protocol\":\"ntag_424_dna\","
                    + "\"url\":\"https://x.test/").append(i).append("\"}}");
        }
        assertEquals(500, http.expect(201, "/api/v1/tags", KEY, "{\"data\":[" + b + "]}").path("data").size());
    }

    @Test
    void unknownProtocolIs422AndTheBatchIsAtomic() throws Exception {
        HttpResponse<String> r = http.post("/api/v1/tags", KEY, tagsBody("ntag_424_dna", "https://x.test/1",
                "ntag_215", "https://x.test/2"));
        assertEquals(422, r.statusCode());
        JsonNode e = TagbaseHttp.json(r).path("errors").path(0);
        assertEquals("422", e.path("status").asText());
        assertEquals("Unprocessable Entity", e.path("title").asText());
        assertTrue(e.path("detail").asText().contains("ntag_215"));
        assertEquals("/data/1/attributes/protocol", e.path("source").path("pointer").asText());
        assertEquals(0, emulator.state().tags("created"));
    }

    @Test
    void duplicateUrlIs422InTheAccountOnlyAndCreatesNothing() throws Exception {
        http.expect(201, "/api/v1/tags", KEY, tagsBody("ntag_424_dna", "https://x.test/dup"));
        HttpResponse<String> r = http.post("/api/v1/tags", KEY, tagsBody("ntag_424_dna", "https://x.test/new",
                "ntag_424_dna", "https://x.test/dup"));
        assertEquals(422, r.statusCode());
        assertEquals("/data/1/attributes/url", pointer(r));
        HttpResponse<String> inBatch = http.post("/api/v1/tags", KEY, tagsBody("ntag_424_dna", "https://x.test/z",
                "ntag_424_dna", "https://x.test/z"));
        assertEquals(422, inBatch.statusCode());
        assertEquals(1, emulator.state().tags("created"));
        // Another account may use the same URL (uniqueness is per account).
        http.expect(201, "/api/v1/tags", OTHER, tagsBody("ntag_424_dna", "https://x.test/dup"));
        assertEquals(2, emulator.state().tags("created"));
    }

    @Test
    void tagsAreScopedToTheirAccount() throws Exception {
        String id = http.expect(201, "/api/v1/tags", KEY, tagsBody("ntag_424_dna", "https://x.test/1"))
                .path("data").path(0).path("id").asText();
        emulator.addApiKey("tb_test_alpha_station", TagbaseEmulatorConfig.DEFAULT_ACCOUNT);
        assertEquals(200, http.get("/api/v1/tags/" + id, "tb_test_alpha_station").statusCode());
        HttpResponse<String> r = http.get("/api/v1/tags/" + id, OTHER);
        assertEquals(404, r.statusCode());
        assertEquals("404", TagbaseHttp.json(r).path("errors").path(0).path("status").asText());
        assertEquals(404, http.get("/api/v1/tags/tag_nope", KEY).statusCode());
    }

    @Test
    void unknownRoutesAnswerJsonApiErrors() throws Exception {
        HttpResponse<String> r = http.get("/api/v1/widgets", KEY);
        assertEquals(404, r.statusCode());
        assertEquals("404", TagbaseHttp.json(r).path("errors").path(0).path("status").asText());
        assertEquals(405, http.call("PUT", "/api/v1/tags", KEY, "{}", TagbaseHttp.MEDIA).statusCode());
    }
}
