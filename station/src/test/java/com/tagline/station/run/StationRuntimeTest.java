package com.tagline.station.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.keys.KeyFile;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.serial.PipeSerialLink;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.pn532.Pn532Emulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulatorConfig;
import com.tagline.simulator.platform.tagbase.TagbaseState;
import com.tagline.station.config.ConfigLoader;
import com.tagline.station.config.StationConfig;
import com.tagline.station.personalize.Reason;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.workflow.EncodeOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code station run} end to end on a hand-fed bench: the real runtime from a YAML file, the reader
 * path through the PN532 emulator (HSU frames over a pipe), leasing and sync over loopback HTTP to
 * the tagbase emulator, a real SQLite file, and the clean shutdown.
 */
class StationRuntimeTest {
    private static final String TOKEN = "sk_test_runtime_0123456789";
    private static final String OPERATOR_TOKEN = "operator-runtime-token-0123";

    @TempDir
    Path dir;

    private TagbaseEmulator platform;
    private Pn532Emulator pn532;
    private PipeSerialLink hostEnd;
    private MasterKeySet keys;
    private final BlockingQueue<EncodeOutcome> outcomes = new LinkedBlockingQueue<>();

    @BeforeEach
    void parts() throws IOException {
        Path keyFile = ownerOnly(dir.resolve("keys.yaml"), Files.readString(Path.of("..", "configs", "keys.example.yaml")));
        ownerOnly(dir.resolve("token"), TOKEN + "\n");
        ownerOnly(dir.resolve("operator.token"), OPERATOR_TOKEN + "\n");
        keys = KeyFile.load(keyFile);
        platform = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(TOKEN).withPort(0).withMasterKeys(keys));
        platform.seedTags(TOKEN, 4, ChipProtocol.NTAG_424_DNA, "https://tags.example.com/t");
        PipeSerialLink[] pair = PipeSerialLink.pair();
        hostEnd = pair[0];
        pn532 = new Pn532Emulator(pair[1]);
        pn532.start();
    }

    @AfterEach
    void stop() {
        pn532.close();
        platform.close();
    }

    @Test
    void benchEncodesEachPlacedChipOnceSyncsAndShutsDownCleanly() throws Exception {
        StationConfig config = ConfigLoader.load(config());
        StationRuntime station = StationRuntime.start(Station.assemble(config,
                Surroundings.line(Map.of()).withLinks(name -> hostEnd)), outcomes::add);
        try {
            for (int n = 1; n <= 2; n++) {
                Ntag424FieldChip chip = new Ntag424FieldChip(SimulatedNtag424.builder()
                        .uid(new byte[] {0x04, 0x51, 0x52, (byte) n, 0x53, 0x54, (byte) 0x80})
                        .random(new SplittableRandom(n)).build());
                pn532.addChip(chip);
                EncodeOutcome o = outcomes.poll(30, TimeUnit.SECONDS);
                assertNotNull(o, "chip " + n + " was encoded");
                assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
                assertEquals(HexFormat.of().withUpperCase().formatHex(chip.uid()), o.uidHex().orElseThrow());
                pn532.removeChip(chip);
            }
        } finally {
            station.close();
        }
        assertTrue(outcomes.isEmpty(), "a chip left on the antenna is not encoded twice: " + outcomes);
        TagbaseState s = platform.state();
        assertEquals(2, s.tags("configured"), "the shutdown flushed the outbox");
        assertEquals(2, s.reports("accepted"));
        assertEquals(0, s.leases("live"), "unused leases were released: " + s.leases());
        try (Store store = Store.open(StoreConfig.of(dir.resolve("data").resolve("station.db"), "bench-1"))) {
            assertEquals(Map.of("confirmed", 2), store.outbox().counts());
            assertEquals(2, store.configuredChips().size());
        }
    }

    @Test
    void servesTheOperatorConsoleFromItsYaml() throws Exception {
        StationRuntime station = StationRuntime.start(Station.assemble(ConfigLoader.load(config()),
                Surroundings.line(Map.of()).withLinks(name -> hostEnd)), outcomes::add);
        try {
            String url = station.consoleUrl().orElseThrow();
            Ntag424FieldChip chip = new Ntag424FieldChip(SimulatedNtag424.builder()
                    .uid(new byte[] {0x04, 0x61, 0x62, 0x01, 0x63, 0x64, (byte) 0x80}).random(new SplittableRandom(9)).build());
            pn532.addChip(chip);
            assertNotNull(outcomes.poll(30, TimeUnit.SECONDS));
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            io.vertx.core.json.JsonObject status = pollStatus(http, url, s -> s.getJsonObject("counters").getLong("good") == 1
                    && s.getJsonObject("health").getLong("db_bytes") > 0);
            assertEquals("hand-fed", status.getString("mode"));
            assertTrue(status.getJsonObject("health").getJsonObject("reader").getBoolean("connected"));
            assertTrue(status.getJsonObject("health").getJsonObject("reader").getString("firmware").startsWith("PN532"));
            assertEquals(600, status.getJsonObject("rate").getLong("target_per_hour"));

            var pause = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "api/line/pause"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody());
            assertEquals(401, http.send(pause.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
            var r = http.send(pause.header("Authorization", "Bearer " + OPERATOR_TOKEN).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("PAUSED", pollStatus(http, url, s -> s.getJsonObject("line").getString("state").equals("PAUSED"))
                    .getJsonObject("line").getString("state"));
            String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("tagline_chips_total{outcome=\"configured\",protocol=\"ntag_424_dna\","
                    + "reason=\"configured\"} 1.0"), metrics);
            assertTrue(!metrics.contains(TOKEN) && !metrics.contains(OPERATOR_TOKEN));
        } finally {
            station.close();
        }
    }

    @Test
    void aTokenRefusedAtStartIsReloadedFromTheConsoleWithoutARestart() throws Exception {
        ownerOnly(dir.resolve("token"), "sk_test_an_old_revoked_token\n");
        StationRuntime station = StationRuntime.start(Station.assemble(ConfigLoader.load(config()),
                Surroundings.line(Map.of()).withLinks(name -> hostEnd)), outcomes::add);
        try {
            assertTrue(station.station().alarms().isRaised(com.tagline.station.sync.Alarm.LEASE_FAILED), "the platform said 401");
            Ntag424FieldChip chip = new Ntag424FieldChip(SimulatedNtag424.builder()
                    .uid(new byte[] {0x04, 0x71, 0x72, 0x01, 0x73, 0x74, (byte) 0x80}).random(new SplittableRandom(5)).build());
            pn532.addChip(chip);
            assertEquals(null, outcomes.poll(1, TimeUnit.SECONDS), "no tag leased: the chip waits");

            ownerOnly(dir.resolve("token"), TOKEN + "\n");
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(station.consoleUrl().orElseThrow()
                            + "api/platform/reload-credentials")).header("Authorization", "Bearer " + OPERATOR_TOKEN)
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(!r.body().contains(TOKEN), "the answer never shows the token");

            EncodeOutcome o = outcomes.poll(30, TimeUnit.SECONDS);
            assertNotNull(o, "leased and encoded after the reload");
            assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        } finally {
            station.close();
        }
        assertEquals(1, platform.state().tags("configured"), "and synced");
    }

    private static io.vertx.core.json.JsonObject pollStatus(java.net.http.HttpClient http, String url,
            java.util.function.Predicate<io.vertx.core.json.JsonObject> until) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        io.vertx.core.json.JsonObject s;
        do {
            s = new io.vertx.core.json.JsonObject(http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url + "api/status")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            if (until.test(s)) {
                return s;
            }
            Thread.sleep(100); // a poll with a deadline: the sampler publishes every second
        } while (System.nanoTime() < end);
        throw new AssertionError("status never matched: " + s.encode());
    }

    private Path config() throws IOException {
        String yaml = """
                station: bench-1
                data_dir: data
                keys: {file: keys.yaml}
                platform: {base_url: "%s", api_key_file: token}
                encoding: {lease_low_water: 2, lease_high_water: 4}
                sync: {interval_ms: 100}
                reader: {link: "sim:"}
                line: {mode: hand-fed}
                trust: {ntag424: ["%s"]}
                console: {listen: "127.0.0.1:0", operator_token_file: operator.token, target_per_hour: 600}
                """.formatted(platform.baseUrl(), OriginalityKeyPair.ntag424Test().publicKeyHex());
        Path f = dir.resolve("station.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static Path ownerOnly(Path f, String text) throws IOException {
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }
}
