package com.tagline.simulator.platform.ixkio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.simulator.platform.EmulatorRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a Management API PATCH body (platform-api §2.1): form fields
 * ({@code application/x-www-form-urlencoded}, also assumed when no {@code Content-Type} is sent) or a
 * JSON object of strings with the same names ({@code application/json}). A repeated form field keeps
 * its first value. An empty body has no parameters.
 *
 * <p>Failures: {@link MalformedBodyException} for a JSON body that is not an object of strings, or a
 * media type that is neither (answered {@code 400} or {@code 415}).
 */
final class ManagementBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A body the API cannot read; {@link #status()} is the HTTP answer. */
    static final class MalformedBodyException extends RuntimeException {
        private final int status;

        MalformedBodyException(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private ManagementBody() {
    }

    static Map<String, String> parameters(EmulatorRequest request) {
        String type = request.header("content-type").orElse("application/x-www-form-urlencoded")
                .toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].trim();
        if (!request.hasBody()) {
            return Map.of();
        }
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            return form(request.bodyText());
        }
        if (mediaType.equals("application/json")) {
            return json(request.bodyText());
        }
        throw new MalformedBodyException(415, "Unsupported Content-Type " + mediaType
                + " (use application/x-www-form-urlencoded or application/json)");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : new QueryStringDecoder(body, StandardCharsets.UTF_8, false)
                .parameters().entrySet()) {
            out.put(e.getKey(), e.getValue().isEmpty() ? "" : e.getValue().get(0));
        }
        return out;
    }

    private static Map<String, String> json(String body) {
        JsonNode doc;
        try {
            doc = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException(400, "Malformed JSON body");
        }
        if (doc == null || !doc.isObject()) {
            throw new MalformedBodyException(400, "JSON body must be an object");
        }
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : doc.properties()) {
            if (!e.getValue().isTextual()) {
                throw new MalformedBodyException(400, "JSON member " + e.getKey() + " must be a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }
}
