package com.tagline.simulator.platform;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as an emulator handler sees it: method, path, the values of the route's
 * {@code :name} segments, headers (names lowercased; the first value of a repeated header) and the
 * whole body. Immutable; the body array is copied.
 *
 * @param method     upper-case HTTP method
 * @param path       the request path without the query string
 * @param pathParams values of the route pattern's {@code :name} segments
 * @param headers    header values by lowercased name
 * @param body       the request body, empty when there is none
 */
public record EmulatorRequest(String method, String path, Map<String, String> pathParams,
        Map<String, String> headers, byte[] body) {
    public EmulatorRequest {
        pathParams = Map.copyOf(pathParams);
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A header by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** A {@code :name} segment of the matched route; throws when the route has no such segment. */
    public String pathParam(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalArgumentException("route has no path parameter :" + name);
        }
        return v;
    }
}
