package com.tagline.station.platform.tagbase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.platform.PlatformProtocolException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * JSON:API documents of the tagbase contract (platform-api §1): builds request bodies and reads
 * answers. Every missing or mistyped member of an answer is a {@link PlatformProtocolException}
 * naming the JSON pointer, so a malformed platform answer never becomes a wrong local state.
 */
final class TagbaseDocuments {
    /** Timestamps as the contract writes them: UTC, six fractional digits (platform-api §1.2). */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_ID_LENGTH = 128;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]{0," + (MAX_ID_LENGTH - 1) + "}");
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("[0-9]{4}-");

    private TagbaseDocuments() {
    }

    static byte[] leaseRequest(String station, List<ChipProtocol> protocols, int maxTags) {
        ObjectNode attrs = JSON.createObjectNode().put("station", station).put("max_tags", maxTags);
        ArrayNode p = attrs.putArray("protocols");
        protocols.forEach(c -> p.add(c.code()));
        return write(single("encoding_leases", attrs));
    }

    static byte[] reportRequest(List<OutcomeReport> reports) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode data = doc.putArray("data");
        for (OutcomeReport r : reports) {
            ObjectNode a = data.addObject().put("type", "tag_configurations").putObject("attributes");
            a.put("tag_id", r.tagId()).put("outcome", r.configured() ? "configured" : "failed");
            if (r.uid() != null) {
                a.put("uid", r.uid());
            }
            if (r.configured()) {
                a.put("configured_at", TIMESTAMP.format(r.occurredAt())).put("key_version", r.keyVersion().getAsInt());
            } else {
                a.put("reason", r.reason()).put("detail", r.detail() == null ? "" : r.detail())
                        .put("failed_at", TIMESTAMP.format(r.occurredAt()));
            }
            a.put("station", r.station()).put("attempts", r.attempts());
        }
        return write(doc);
    }

    static byte[] verificationRequest(Map<String, String> parameters) {
        ObjectNode attrs = JSON.createObjectNode();
        parameters.forEach(attrs::put);
        return write(single("verifications", attrs));
    }

    static Instant renewed(byte[] body) {
        JsonNode data = object(parse(body), "data", "/data");
        return instant(data.path("attributes").path("expires_at"), "/data/attributes/expires_at");
    }

    static List<ReportResult> reportResults(byte[] body, List<OutcomeReport> sent) {
        JsonNode data = parse(body).path("data");
        if (!data.isArray() || data.size() != sent.size()) {
            throw new PlatformProtocolException("report answer: /data must be an array of " + sent.size()
                    + " results, one per entry in request order");
        }
        List<ReportResult> out = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode e = data.get(i);
            String at = "/data/" + i;
            String id = str(e, "id", at + "/id");
            if (!id.equals(sent.get(i).tagId())) {
                throw new PlatformProtocolException("report answer: " + at + "/id is " + id + ", expected "
                        + sent.get(i).tagId() + " (results must be in request order)");
            }
            String result = str(e.path("attributes"), "result", at + "/attributes/result");
            out.add(new ReportResult(id, kind(result, at), e.path("attributes").path("detail").asText("")));
        }
        return out;
    }

    static TagState tag(byte[] body) {
        JsonNode data = object(parse(body), "data", "/data");
        JsonNode a = object(data, "attributes", "/data/attributes");
        JsonNode configuredAt = a.path("configured_at");
        return new TagState(str(data, "id", "/data/id"), a.path("protocol").asText(null), a.path("url").asText(null),
                str(a, "status", "/data/attributes/status"),
                configuredAt.isTextual() ? Optional.of(configuredAt.asText()) : Optional.empty());
    }

    static String verdict(byte[] body) {
        JsonNode data = object(parse(body), "data", "/data");
        return str(object(data, "attributes", "/data/attributes"), "verdict", "/data/attributes/verdict");
    }

    /** The first error document's {@code detail} (or title), or an empty string. */
    static String errorDetail(byte[] body) {
        try {
            JsonNode e = JSON.readTree(body).path("errors").path(0);
            return e.path("detail").asText(e.path("title").asText(""));
        } catch (IOException | RuntimeException ex) {
            return "";
        }
    }

    private static ReportResult.Kind kind(String result, String at) {
        try {
            return ReportResult.Kind.valueOf(result.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PlatformProtocolException("report answer: " + at + "/attributes/result is '" + result
                    + "', not accepted, duplicate, conflict or rejected");
        }
    }

    private static ObjectNode single(String type, ObjectNode attributes) {
        ObjectNode doc = JSON.createObjectNode();
        doc.putObject("data").put("type", type).set("attributes", attributes);
        return doc;
    }

    static JsonNode parse(byte[] body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw new PlatformProtocolException("answer is not a JSON object (" + body.length + " bytes"
                        + (n == null ? "" : ", a JSON " + n.getNodeType()) + ")");
            }
            return n;
        } catch (IOException e) {
            throw new PlatformProtocolException("answer is not JSON: " + e.getMessage(), e);
        }
    }

    static JsonNode object(JsonNode parent, String field, String pointer) {
        JsonNode n = parent.path(field);
        if (!n.isObject()) {
            throw new PlatformProtocolException("answer: " + pointer + " is missing or not an object");
        }
        return n;
    }

    static String str(JsonNode parent, String field, String pointer) {
        JsonNode n = parent.path(field);
        if (!n.isTextual() || n.asText().isEmpty()) {
            throw new PlatformProtocolException("answer: " + pointer + " is missing or not a string");
        }
        return n.asText();
    }

    /**
     * An id the station can store and put in a request path: RFC 3986 §2.3 unreserved characters only, not
     * starting with a dot (no {@code ..} segment), at most {@value #MAX_ID_LENGTH} characters (ids are opaque,
     * platform-api §1.1, but they go back into URLs such as {@code /encoding_leases/:id/renew}).
     */
    static String id(JsonNode parent, String pointer) {
        String id = str(parent, "id", pointer);
        if (!ID.matcher(id).matches()) {
            throw new PlatformProtocolException("answer: " + pointer + " is not a usable id (" + id.length()
                    + " characters; letters, digits and - . _ ~ only, at most " + MAX_ID_LENGTH + ")");
        }
        return id;
    }

    /**
     * A time as RFC 3339 §5.6 writes it: a four-digit year. {@link Instant#parse} also takes ISO 8601's
     * expanded years (up to {@code +1000000000}), which overflow the store's epoch milliseconds.
     */
    static Instant instant(JsonNode node, String pointer) {
        if (!node.isTextual()) {
            throw new PlatformProtocolException("answer: " + pointer + " is missing or not a string");
        }
        String text = node.asText();
        if (!FOUR_DIGIT_YEAR.matcher(text).lookingAt()) {
            throw new PlatformProtocolException("answer: " + pointer + " is not an RFC 3339 time: " + shown(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new PlatformProtocolException("answer: " + pointer + " is not an RFC 3339 time: " + shown(text), e);
        }
    }

    /** A platform's text in a message: at most 64 characters. */
    private static String shown(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "… (" + text.length() + " characters)";
    }

    private static byte[] write(JsonNode doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
