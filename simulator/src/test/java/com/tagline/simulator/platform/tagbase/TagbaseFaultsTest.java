package com.tagline.simulator.platform.tagbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The §1.4 faults as a tagbase client meets them; the state shows what was applied. */
class TagbaseFaultsTest {
    private static final String KEY = "tb_station_key";
    private static final String BODY = TagbaseHttp.tagsBody("ntag_424_dna", "https://x.test/1");
    private TagbaseEmulator emulator;
    private TagbaseHttp http;

    @BeforeEach
    void start() {
        emulator = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(KEY));
        http = new TagbaseHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void faults(String json) throws Exception {
        assertEquals(200, http.call("POST", "/_emulator/faults", null, json, "application/json").statusCode());
    }

    @Test
    void outageClosesEveryApiCallAndAppliesNothing() throws Exception {
        faults("{\"outage\":true}");
        assertThrows(IOException.class, () -> http.post("/api/v1/tags", KEY, BODY));
        assertThrows(IOException.class, () -> http.get("/api/v1/tags/tag_x", KEY));
        assertEquals(0, http.state().path("tags").path("created").asLong());
        faults("{}");
        assertEquals(201, http.post("/api/v1/tags", KEY, BODY).statusCode());
    }

    @Test
    void droppedAnswerStillCreatesTheTag() throws Exception {
        emulator.faults().configure("{\"drop_responses_rate\":1.0}");
        assertThrows(IOException.class, () -> http.post("/api/v1/tags", KEY, BODY));
        assertEquals(1, http.state().path("tags").path("created").asLong());
        emulator.faults().clear();
        // The re-send after the ambiguous failure meets the duplicate URL rule: the first call was applied.
        assertEquals(422, http.post("/api/v1/tags", KEY, BODY).statusCode());
    }

    @Test
    void errorRateOneIs503WithRetryAfterAsAJsonApiErrorAndAppliesNothing() throws Exception {
        faults("{\"error_rate\":1.0}");
        HttpResponse<String> r = http.post("/api/v1/tags", KEY, BODY);
        assertEquals(503, r.statusCode());
        assertEquals("1", r.headers().firstValue("retry-after").orElseThrow());
        assertEquals("503", TagbaseHttp.json(r).path("errors").path(0).path("status").asText());
        assertEquals(0, emulator.state().tags("created"));
        assertEquals(1.0, http.state().path("faults").path("error_rate").asDouble());
    }

    @Test
    void throttleRateOneIs429WithRetryAfterTwoAndAppliesNothing() throws Exception {
        faults("{\"throttle_rate\":1.0}");
        HttpResponse<String> r = http.post("/api/v1/tags", KEY, BODY);
        assertEquals(429, r.statusCode());
        assertEquals("2", r.headers().firstValue("retry-after").orElseThrow());
        assertEquals("429", TagbaseHttp.json(r).path("errors").path(0).path("status").asText());
        assertEquals(0, emulator.state().tags("created"));
        assertEquals(1.0, http.state().path("faults").path("throttle_rate").asDouble());
        faults("{}");
        assertEquals(0.0, http.state().path("faults").path("throttle_rate").asDouble());
    }

    @Test
    void latencyDelaysTheAnswer() throws Exception {
        faults("{\"latency_ms\":250}");
        long t0 = System.nanoTime();
        assertEquals(201, http.post("/api/v1/tags", KEY, BODY).statusCode());
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 250);
    }
}
