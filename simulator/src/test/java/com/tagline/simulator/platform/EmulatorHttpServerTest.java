package com.tagline.simulator.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared emulator server over real loopback HTTP: routing, control routes and every fault of platform-api §1.4. */
class EmulatorHttpServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger applied = new AtomicInteger();
    private EmulatorHttpServer server;

    @BeforeEach
    void start() {
        ErrorRenderer errors = (status, title, detail) ->
                EmulatorResponse.of(status, "application/json", "{\"title\":\"" + title + "\"}");
        server = new EmulatorHttpServer("test", new EmulatorFaults(7), errors,
                () -> JSON.createObjectNode().put("applied", applied.get()));
        server.route("POST", "/api/things/:id", r -> {
            applied.incrementAndGet();
            return EmulatorResponse.of(201, "text/plain", r.pathParam("id") + ":" + r.bodyText());
        });
        server.blockingRoute("GET", "/api/slow", r -> EmulatorResponse.empty(204));
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode state() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/_emulator/state");
        assertEquals(200, r.statusCode());
        return JSON.readTree(r.body());
    }

    @Test
    void routesCaptureSegmentsAndPassTheWholeBody() throws Exception {
        assertTrue(server.baseUrl().startsWith("http://127.0.0.1:"));
        HttpResponse<String> r = post("/api/things/abc", "hello body");
        assertEquals(201, r.statusCode());
        assertEquals("abc:hello body", r.body());
        assertEquals(204, get("/api/slow").statusCode());
        assertEquals(1, state().path("applied").asInt());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertEquals(404, get("/api/nothing").statusCode());
        HttpResponse<String> r = get("/api/things/x");
        assertEquals(405, r.statusCode());
        assertEquals("POST", r.headers().firstValue("allow").orElseThrow());
    }

    @Test
    void outageClosesTheConnectionButControlsStillAnswer() throws Exception {
        assertEquals(200, post("/_emulator/faults", "{\"outage\":true}").statusCode());
        assertThrows(IOException.class, () -> post("/api/things/a", "x"));
        assertEquals(0, state().path("applied").asInt());
        assertTrue(state().path("faults").path("outage").asBoolean());
        assertEquals(200, post("/_emulator/faults", "{}").statusCode());
        assertEquals(201, post("/api/things/a", "x").statusCode());
    }

    @Test
    void droppedResponsesAreAppliedButNotAnswered() throws Exception {
        post("/_emulator/faults", "{\"drop_responses_rate\":1.0}");
        assertThrows(IOException.class, () -> post("/api/things/a", "x"));
        assertEquals(1, state().path("applied").asInt());
    }

    @Test
    void errorRateOneAnswers503WithRetryAfterAndAppliesNothing() throws Exception {
        post("/_emulator/faults", "{\"error_rate\":1}");
        HttpResponse<String> r = post("/api/things/a", "x");
        assertEquals(503, r.statusCode());
        assertEquals("1", r.headers().firstValue("retry-after").orElseThrow());
        assertEquals("{\"title\":\"Service Unavailable\"}", r.body());
        assertEquals(0, state().path("applied").asInt());
    }

    @Test
    void errorRateIsRandomButReproducibleWithTheSeed() {
        EmulatorFaults a = new EmulatorFaults(42);
        EmulatorFaults b = new EmulatorFaults(42);
        a.configure("{\"error_rate\":0.5}");
        b.configure("{\"error_rate\":0.5}");
        int errors = 0;
        for (int i = 0; i < 200; i++) {
            boolean roll = a.rollError();
            assertEquals(roll, b.rollError());
            errors += roll ? 1 : 0;
        }
        assertTrue(errors > 50 && errors < 150, "errors " + errors);
    }

    @Test
    void latencyDelaysApiCallsOnly() throws Exception {
        post("/_emulator/faults", "{\"latency_ms\":300}");
        long t0 = System.nanoTime();
        assertEquals(201, post("/api/things/a", "x").statusCode());
        long apiMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(apiMillis >= 300, "took " + apiMillis + " ms");
        assertEquals(300, state().path("faults").path("latency_ms").asLong());
    }

    @Test
    void badFaultValuesAre400NamingTheMemberAndChangeNothing() throws Exception {
        post("/_emulator/faults", "{\"latency_ms\":5}");
        for (String[] bad : new String[][] {
            {"{\"error_rate\":1.5}", "error_rate"}, {"{\"drop_responses_rate\":\"x\"}", "drop_responses_rate"},
            {"{\"throttle_rate\":-0.1}", "throttle_rate"}, {"{\"latency_ms\":-1}", "latency_ms"}, {"{\"outage\":\"yes\"}", "outage"},
            {"{\"flood\":true}", "unknown fault 'flood'"}, {"[1]", "JSON object"}, {"{", "not JSON"}}) {
            HttpResponse<String> r = post("/_emulator/faults", bad[0]);
            assertEquals(400, r.statusCode(), bad[0]);
            assertTrue(JSON.readTree(r.body()).path("error").asText().contains(bad[1]), r.body());
        }
        ObjectNode faults = (ObjectNode) state().path("faults");
        assertEquals(5, faults.path("latency_ms").asLong());
        assertFalse(faults.path("outage").asBoolean());
    }

    @Test
    void startTwiceIsRefusedAndCloseIsIdempotent() {
        assertThrows(IllegalStateException.class, () -> server.start(0));
        server.close();
        server.close();
        assertThrows(IllegalStateException.class, server::port);
    }
}
