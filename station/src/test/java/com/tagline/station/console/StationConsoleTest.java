package com.tagline.station.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.station.line.LineState;
import com.tagline.station.line.StackLight;
import com.tagline.station.store.OutboxBacklog;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The console's HTTP contract over a real loopback server, with a fake station behind it (issue 14). */
@Timeout(30)
class StationConsoleTest {
    private static final String TOKEN = "op-token-0123456789abcdef";
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final Alarms alarms = new Alarms();
    private final AtomicReference<StationSnapshot> snapshot = new AtomicReference<>(snapshot(LineState.RUNNING, true));
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private StationConsole console;

    private StationSnapshot snapshot(LineState state, boolean reader) {
        return new StationSnapshot("line-1", "conveyor", T0.plusSeconds(600),
                new StationSnapshot.Line(state, Optional.empty(), false, new StackLight(true, false, false, false)),
                Map.of("ntag_424_dna", 120), new OutboxBacklog(3, 1, 2, Optional.of(T0.plusSeconds(570))),
                new StationSnapshot.Health(true, reader, "PN532 v1.6 (support 07)", 5_000_000_000L, 64L << 20, 123_456, 7),
                alarms.active());
    }

    @BeforeEach
    void start() {
        StationControls controls = new StationControls() {
            private ControlResult call(String what) {
                calls.add(what + "@" + Thread.currentThread().getName());
                return ControlResult.done(what + " done");
            }

            @Override
            public ControlResult reset() {
                return call("reset");
            }

            @Override
            public ControlResult pause() {
                return ControlResult.refused("pause refused: the line is not running");
            }

            @Override
            public ControlResult resume() {
                return call("resume");
            }

            @Override
            public ControlResult acknowledgeAlarm(String code) {
                return StationCommands.acknowledge(alarms, code);
            }

            @Override
            public ControlResult requeueQuarantined(List<Long> ids, String reason) {
                return call("requeue " + ids + " " + reason);
            }

            @Override
            public ControlResult reloadCredentials() {
                return call("reload");
            }

            @Override
            public ControlResult scrapChip(String uid) {
                return call("scrap " + uid);
            }
        };
        ConsoleSettings settings = ConsoleSettings.listen("127.0.0.1:0")
                .withOperatorToken(Optional.of(OperatorToken.of(TOKEN))).withTargetPerHour(OptionalLong.of(1200));
        console = StationConsole.start(settings, () -> snapshot.get(), controls, T0);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(console.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(console.url() + path.substring(1)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void statusCarriesTheCountersTheMetricsAlsoCount() throws Exception {
        ConsoleEvents events = console.events();
        events.chip(new ChipEvent(T0.plusSeconds(590), Optional.of("t1"), Optional.of("04A1"), "ntag_424_dna",
                "configured", Duration.ofMillis(180), false));
        events.chip(new ChipEvent(T0.plusSeconds(595), Optional.of("t2"), Optional.of("04A2"), "ntag_424_dna",
                "counterfeit", Duration.ofMillis(90), false));
        events.sync(SyncResult.ACCEPTED, 1, T0.plusSeconds(596));

        JsonObject s = new JsonObject(get("/api/status").body());
        assertEquals("running", s.getJsonObject("banner").getString("state"));
        assertEquals("normal", s.getJsonObject("banner").getString("severity"));
        JsonObject c = s.getJsonObject("counters");
        assertEquals(1, c.getLong("good"));
        assertEquals(1, c.getLong("failed"));
        assertEquals(2, c.getLong("attempted"));
        assertEquals(0.5, c.getDouble("first_pass_yield"));
        assertEquals(12, s.getJsonObject("rate").getLong("per_hour"), "one good chip in 5 minutes");
        assertEquals(1200, s.getJsonObject("rate").getLong("target_per_hour"));
        assertEquals(120, s.getJsonObject("work").getInteger("total"));
        assertEquals(36_000, s.getJsonObject("work").getLong("eta_s"), "120 on hand at 12 an hour");
        assertEquals("counterfeit", s.getJsonArray("failures").getJsonObject(0).getString("reason"));
        assertEquals("t2", s.getJsonArray("last_chips").getJsonObject(0).getString("tag_id"), "newest first");
        JsonObject sync = s.getJsonObject("sync");
        assertEquals(4, sync.getInteger("outbox_pending"));
        assertEquals(30, sync.getLong("oldest_pending_s"));
        assertEquals(2, sync.getInteger("quarantined"));
        assertEquals(T0.plusSeconds(596).toString(), sync.getString("last_success_at"));
        assertEquals(7, s.getJsonObject("health").getInteger("key_set_version"));
        assertEquals(5, s.getJsonObject("health").getLong("since_last_chip_s"));

        String metrics = get("/metrics").body();
        assertTrue(metrics.contains("tagline_chips_total{outcome=\"configured\",protocol=\"ntag_424_dna\",reason=\"configured\"} 1.0"), metrics);
        assertTrue(metrics.contains("tagline_chips_total{outcome=\"failed\",protocol=\"ntag_424_dna\",reason=\"counterfeit\"} 1.0"));
        assertTrue(metrics.contains("tagline_encode_seconds_bucket{le=\"0.2\"} 2"));
        assertTrue(metrics.contains("tagline_outbox_pending 4.0"));
        assertTrue(metrics.contains("tagline_outbox_oldest_pending_seconds 30.0"));
        assertTrue(metrics.contains("tagline_quarantined 2.0"));
        assertTrue(metrics.contains("tagline_line_state{state=\"running\"} 1.0"));
        assertTrue(metrics.contains("tagline_line_state{state=\"estop\"} 0.0"));
        assertTrue(metrics.contains("tagline_reader_connected 1.0"));
        assertTrue(metrics.contains("tagline_alarm_active{code=\"OFFLINE\"} 0.0"));
        assertTrue(metrics.contains("tagline_disk_free_bytes 5.0E9"));
        assertTrue(metrics.contains("tagline_sync_reports_total{result=\"accepted\"} 1.0"));
        assertTrue(metrics.contains("jvm_memory_used_bytes"));
    }

    @Test
    void bannerAndReadinessFollowTheLine() throws Exception {
        assertEquals(200, get("/healthz").statusCode());
        assertEquals(200, get("/readyz").statusCode());
        snapshot.set(snapshot(LineState.ESTOP, false));
        HttpResponse<String> ready = get("/readyz");
        assertEquals(503, ready.statusCode());
        assertTrue(ready.body().contains("the reader is not connected") && ready.body().contains("estop"), ready.body());
        JsonObject banner = new JsonObject(get("/api/status").body()).getJsonObject("banner");
        assertEquals("estop", banner.getString("state"));
        assertEquals("alarm", banner.getString("severity"));

        alarms.raise(Alarm.OFFLINE, "platform unreachable");
        snapshot.set(snapshot(LineState.RUNNING, true));
        banner = new JsonObject(get("/api/status").body()).getJsonObject("banner");
        assertEquals("offline", banner.getString("state"));
        assertEquals("Offline, buffering", banner.getString("text"));
    }

    @Test
    void eventsStreamSendsTheStatusAndEachChange() throws Exception {
        HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(console.url() + "api/events"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElseThrow());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            assertEquals("running", new JsonObject(nextData(in)).getJsonObject("banner").getString("state"));
            long t0 = System.nanoTime();
            snapshot.set(snapshot(LineState.FAULT, true));
            assertEquals("fault", new JsonObject(nextData(in)).getJsonObject("banner").getString("state"));
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(1).toNanos(), "pushed within a second");
        }
    }

    private static String nextData(BufferedReader in) throws Exception {
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("data: ")) {
                return line.substring(6);
            }
        }
        throw new AssertionError("the stream ended");
    }

    @Test
    void controlsNeedTheOperatorsTokenAndRunOffTheEventLoop() throws Exception {
        assertEquals(401, post("/api/line/reset", "").statusCode());
        HttpResponse<String> wrong = post("/api/line/reset", "", "Authorization", "Bearer op-token-0123456789abcdeX");
        assertEquals(401, wrong.statusCode());
        assertEquals("Bearer realm=\"tagline console\"", wrong.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(calls.isEmpty());

        HttpResponse<String> ok = post("/api/line/reset", "", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(new JsonObject(ok.body()).getBoolean("ok"));
        assertEquals(1, calls.size());
        assertFalse(calls.get(0).contains("eventloop"), "a control runs on a worker thread: " + calls.get(0));

        assertEquals(409, post("/api/line/pause", "", "Authorization", "Bearer " + TOKEN).statusCode());
        assertEquals(405, get("/api/line/reset").statusCode(), "controls are POST only");
        assertFalse(get("/api/status").body().contains(TOKEN));
    }

    @Test
    void aCrossOriginBrowserPostIsRefusedEvenWithTheToken() throws Exception {
        HttpResponse<String> r = post("/api/line/resume", "", "Authorization", "Bearer " + TOKEN,
                "Origin", "http://evil.example");
        assertEquals(403, r.statusCode());
        assertEquals(403, post("/api/line/resume", "", "Authorization", "Bearer " + TOKEN,
                "Sec-Fetch-Site", "cross-site").statusCode());
        assertTrue(calls.isEmpty());
        String own = "http://127.0.0.1:" + console.port();
        assertEquals(200, post("/api/line/resume", "", "Authorization", "Bearer " + TOKEN, "Origin", own).statusCode());
    }

    @Test
    void alarmAcknowledgeAndRequeueTakeTheirArguments() throws Exception {
        alarms.raise(Alarm.CONFLICT, "tag t9 kept for an operator");
        HttpResponse<String> ack = post("/api/alarms/CONFLICT/ack", "", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, ack.statusCode(), ack.body());
        assertFalse(alarms.isRaised(Alarm.CONFLICT));
        assertEquals(400, post("/api/alarms/NOPE/ack", "", "Authorization", "Bearer " + TOKEN).statusCode());

        assertEquals(400, post("/api/outbox/requeue", "{}", "Authorization", "Bearer " + TOKEN).statusCode(),
                "a reason is required");
        assertEquals(400, post("/api/outbox/requeue", "{\"reason\":\"x\",\"ids\":[\"a\"]}", "Authorization",
                "Bearer " + TOKEN).statusCode());
        HttpResponse<String> r = post("/api/outbox/requeue", "{\"reason\":\"binding fixed\",\"ids\":[4,5]}",
                "Authorization", "Bearer " + TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("requeue [4, 5] binding fixed", calls.get(0).substring(0, calls.get(0).indexOf('@')));
        assertEquals(200, post("/api/platform/reload-credentials", "", "Authorization", "Bearer " + TOKEN).statusCode());
    }

    /** Issue 12: an operator declares a chip that took a tag scrapped, so the tag goes to the next chip. */
    @Test
    void aChipIsScrappedByItsUidWithTheToken() throws Exception {
        assertEquals(401, post("/api/chips/04A1B2C3D4E5F6/scrap", "").statusCode());
        assertEquals(400, post("/api/chips/not-a-uid/scrap", "", "Authorization", "Bearer " + TOKEN).statusCode());
        HttpResponse<String> r = post("/api/chips/04A1B2C3D4E5F6/scrap", "", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("scrap 04A1B2C3D4E5F6@")), calls.toString());
    }

    /** Operator input that is not a chip or not an outbox row is refused by name, never turned into another one. */
    @Test
    void aUidOfNoUidLengthAndIdsThatAreNotRowNumbersAreRefused() throws Exception {
        // before: 9 hex digits reached the station ("holds no tag"); 1.5 requeued row 1 and 1e300 row Long.MAX_VALUE
        for (String uid : List.of("04A1B2C3D", "04A1B2C3D4E5", "04A1B2C3D4E5F6A1")) {
            HttpResponse<String> r = post("/api/chips/" + uid + "/scrap", "", "Authorization", "Bearer " + TOKEN);
            assertEquals(400, r.statusCode(), uid);
            assertTrue(r.body().contains("4, 7 or 10 bytes"), r.body());
        }
        HttpResponse<String> lower = post("/api/chips/04a1b2c3d4e5f6/scrap", "", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, lower.statusCode(), lower.body());
        for (String ids : List.of("[1.5]", "[1e300]", "[0]", "[-5]", "[99999999999999999999]")) {
            HttpResponse<String> r = post("/api/outbox/requeue", "{\"reason\":\"x\",\"ids\":" + ids + "}",
                    "Authorization", "Bearer " + TOKEN);
            assertEquals(400, r.statusCode(), ids + " " + r.body());
        }
        assertEquals(List.of("scrap 04A1B2C3D4E5F6"), calls.stream().map(c -> c.substring(0, c.indexOf('@'))).toList());
    }

    @Test
    void thePageAndItsAssetsComeFromTheStationWithNoOutsideReference() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertNotNull(page.headers().firstValue("Content-Security-Policy").orElse(null));
        for (String path : List.of("/", "/console.js", "/console.css")) {
            String body = get(path).body();
            assertFalse(body.contains("http://") || body.contains("https://") || body.contains("//cdn"),
                    path + " references something outside the station");
        }
        assertEquals(404, get("/nothing-here").statusCode());
    }
}
