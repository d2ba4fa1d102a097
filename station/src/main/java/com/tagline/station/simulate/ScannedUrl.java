package com.tagline.station.simulate;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The query parameters of a scanned URL, as a phone app submits them for verification (platform-api §1.2). */
public final class ScannedUrl {
    private ScannedUrl() {
    }

    /** Every {@code name=value} of the query, decoded, in order; throws for a URL without a query. */
    public static Map<String, String> queryParameters(String url) {
        String query = URI.create(url).getRawQuery();
        if (query == null || query.isEmpty()) {
            throw new IllegalArgumentException("scanned URL has no query parameters: " + url);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }
}
