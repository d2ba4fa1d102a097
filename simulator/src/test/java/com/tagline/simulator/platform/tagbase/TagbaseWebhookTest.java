package com.tagline.simulator.platform.tagbase;

import static com.tagline.simulator.platform.tagbase.TagbaseHttp.configured;
import static com.tagline.simulator.platform.tagbase.TagbaseHttp.failed;
import static com.tagline.simulator.platform.tagbase.TagbaseHttp.reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.line.SimulatedClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks (platform-api §1.3) into a JDK {@code HttpServer} receiver: Standard Webhooks headers, the signature
 * recomputed independently, retry after a failed delivery.
 */
class TagbaseWebhookTest {
    private static final String KEY = "tb_station_key";
    private static final byte[] SECRET = "test-webhook-secret-bytes".getBytes(StandardCharsets.US_ASCII);
    private static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(10);

    /** One received delivery. */
    record Delivery(Map<String, String> headers, String body) {}

    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(1);
    private HttpServer receiver;
    private TagbaseEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failuresLeft.getAndDecrement() > 0) {
                exchange.sendResponseHeaders(500, -1);
            } else {
                received.add(new Delivery(Map.of(
                        "id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        "signature", exchange.getRequestHeaders().getFirst("webhook-signature")),
                        new String(body, StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        TagbaseWebhook hook = TagbaseWebhook.parse(url, "whsec_" + Base64.getEncoder().encodeToString(SECRET));
        emulator = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(KEY).withWebhook(hook)
                .withClock(new SimulatedClock(TagbaseHttp.T0)));
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.stop(0);
    }

    /** Bounded polling: webhook delivery is asynchronous by contract. */
    private void awaitDeliveries(int n) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_DEADLINE.toNanos();
        while (received.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(n, received.size(), "deliveries");
    }

    private static JsonNode parse(String body) {
        try {
            return TagbaseHttp.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eventsArriveSignedAndAFailedDeliveryIsRetried() throws Exception {
        TagbaseHttp http = new TagbaseHttp(emulator);
        List<String> ids = emulator.seedTags(KEY, 2, ChipProtocol.NTAG_424_DNA, "https://x.test/p");
        http.expect(200, "/api/v1/tag_configurations", KEY, reports(configured(ids.get(0), "04A1B2C3D4E5F6"),
                failed(ids.get(1), "2026-11-24T09:00:01Z")));
        awaitDeliveries(4);
        List<String> types = received.stream()
                .map(d -> parse(d.body()).path("meta").path("event").path("type").asText()).toList();
        assertTrue(types.containsAll(List.of("tag.created", "tag.configured", "tag.configuration_failed")), types.toString());
        for (Delivery d : received) {
            assertEquals(hmac(d.headers().get("id") + "." + d.headers().get("timestamp") + "." + d.body()),
                    d.headers().get("signature"));
            JsonNode doc = TagbaseHttp.JSON.readTree(d.body());
            assertEquals(d.headers().get("id"), doc.path("meta").path("event").path("id").asText());
            assertTrue(d.headers().get("id").startsWith("evt_"));
            assertEquals("tags", doc.path("data").path("type").asText());
            assertEquals(String.valueOf(TagbaseHttp.T0.getEpochSecond()), d.headers().get("timestamp"));
        }
        JsonNode configuredEvent = received.stream().map(d -> parse(d.body()))
                .filter(doc -> doc.path("meta").path("event").path("type").asText().equals("tag.configured"))
                .findFirst().orElseThrow();
        assertEquals(ids.get(0), configuredEvent.path("data").path("id").asText());
        assertEquals("configured", configuredEvent.path("data").path("attributes").path("status").asText());
        // the receiver holds a delivery before the emulator has read its 200: wait for the count to catch up
        long deadline = System.nanoTime() + DELIVERY_DEADLINE.toNanos();
        while (emulator.state().webhooks().get("delivered") < 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(4, emulator.state().webhooks().get("delivered"));
        assertTrue(emulator.state().webhooks().get("attempts") >= 5);
    }

    @Test
    void secretsMustBeWhsecBase64AndAreNeverShown() {
        assertThrows(IllegalArgumentException.class, () -> TagbaseWebhook.parse("http://127.0.0.1:1/h", "plain"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TagbaseWebhook.parse("http://127.0.0.1:1/h", "whsec_%%%notbase64"));
        assertTrue(!e.getMessage().contains("%%%notbase64"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TagbaseWebhook.parse("ftp://h/x", "whsec_AAAA"));
        assertTrue(TagbaseWebhook.parse("http://127.0.0.1:1/h", "whsec_AAAA").toString().contains("redacted"));
    }
}
