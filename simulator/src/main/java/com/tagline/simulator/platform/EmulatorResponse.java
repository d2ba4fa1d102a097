package com.tagline.simulator.platform;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an emulator handler answers: status, headers and body. Immutable; the body array is copied.
 *
 * @param status  HTTP status code
 * @param headers response headers (name to value)
 * @param body    the body, empty for none (e.g. {@code 204})
 */
public record EmulatorResponse(int status, Map<String, String> headers, byte[] body) {
    public EmulatorResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /** A body of {@code contentType} text (UTF-8). */
    public static EmulatorResponse of(int status, String contentType, String body) {
        return new EmulatorResponse(status, Map.of("content-type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** No body, e.g. {@code 204 No Content}. */
    public static EmulatorResponse empty(int status) {
        return new EmulatorResponse(status, Map.of(), new byte[0]);
    }

    /** This response with one more header (replacing one of the same name). */
    public EmulatorResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new EmulatorResponse(status, h, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
