package com.tagline.simulator.platform.tagbase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** A test client of the emulator over real loopback HTTP (the JDK's client, independent of the emulator's code). */
final class TagbaseHttp {
    static final String MEDIA = "application/vnd.api+json";
    static final ObjectMapper JSON = new ObjectMapper();
    /** Where the emulator tests' clocks start; the fixtures' {@code configured_at} times are on this day. */
    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    TagbaseHttp(TagbaseEmulator emulator) {
        this.base = emulator.baseUrl();
    }

    /** One call; {@code key} null sends no Authorization, {@code contentType} null sends none. */
    HttpResponse<String> call(String method, String path, String key, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String key, String body) throws IOException, InterruptedException {
        return call("POST", path, key, body, MEDIA);
    }

    HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        return call("GET", path, key, null, null);
    }

    /** POST expecting {@code status}; the parsed answer. */
    JsonNode expect(int status, String path, String key, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = post(path, key, body);
        assertEquals(status, r.statusCode(), r.body());
        return json(r);
    }

    JsonNode state() throws IOException, InterruptedException {
        HttpResponse<String> r = get("/_emulator/state", null);
        assertEquals(200, r.statusCode(), r.body());
        return json(r);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return r.body().isEmpty() ? JSON.missingNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first error's pointer of an error document. */
    static String pointer(HttpResponse<String> r) {
        return json(r).path("errors").path(0).path("source").path("pointer").asText(null);
    }

    static String tagsBody(String... protocolUrlPairs) {
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = 0; i < protocolUrlPairs.length; i += 2) {
            sb.append(i == 0 ? "" : ",").append("{\"type\":\"tags\",\"attributes\":{\"protocol\":\"")
                    .append(protocolUrlPairs[i]).append("\",\"url\":\"").append(protocolUrlPairs[i + 1]).append("\"}}");
        }
        return sb.append("]}").toString();
    }

    static String leaseBody(String station, int maxTags, String... protocols) {
        StringBuilder p = new StringBuilder();
        for (String s : protocols) {
            p.append(p.length() == 0 ? "" : ",").append('"').append(s).append('"');
        }
        return "{\"data\":{\"type\":\"encoding_leases\",\"attributes\":{\"station\":\"" + station
                + "\",\"protocols\":[" + p + "],\"max_tags\":" + maxTags + "}}}";
    }

    static String configured(String tagId, String uid) {
        return "{\"type\":\"tag_configurations\",\"attributes\":{\"tag_id\":\"" + tagId
                + "\",\"outcome\":\"configured\",\"uid\":\"" + uid + "\",\"configured_at\":\"2026-11-24T09:00:00.000000Z\","
                + "\"key_version\":1,\"station\":\"line-1\",\"attempts\":1}}";
    }

    static String failed(String tagId, String failedAt) {
        return "{\"type\":\"tag_configurations\",\"attributes\":{\"tag_id\":\"" + tagId
                + "\",\"outcome\":\"failed\",\"reason\":\"verify_mismatch\",\"detail\":\"SUN MAC did not verify\","
                + "\"failed_at\":\"" + failedAt + "\",\"station\":\"line-1\",\"attempts\":3}}";
    }

    static String reports(String... entries) {
        return "{\"data\":[" + String.join(",", entries) + "]}";
    }
}
