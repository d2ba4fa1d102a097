package com.tagline.station.platform.tagbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.platform.PlatformProtocolException;
import com.tagline.station.platform.TagUrl;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a lease answer (platform-api §1.2, {@code 201} to {@code POST /api/v1/encoding_leases}). The lease's
 * tags are those of {@code relationships.tags}, each described once in {@code included}; an answer whose
 * two lists disagree, that names a tag twice, hands out more tags than asked or a protocol this station does
 * not encode is refused whole (a {@link PlatformProtocolException} naming where). A tag whose URL cannot
 * be written on a chip ({@link TagUrl}) is left out of the lease and named in {@link Lease#refused()}: one
 * bad tag on the platform, handed out first every time, must not starve the line of the others.
 */
final class LeaseDocument {
    private LeaseDocument() {
    }

    static Lease read(byte[] body, int maxTags) {
        JsonNode doc = TagbaseDocuments.parse(body);
        JsonNode data = TagbaseDocuments.object(doc, "data", "/data");
        String id = TagbaseDocuments.id(data, "/data/id");
        Instant expires = TagbaseDocuments.instant(data.path("attributes").path("expires_at"),
                "/data/attributes/expires_at");
        Set<String> leased = relationships(data.path("relationships").path("tags").path("data"));
        Map<String, Included> described = included(doc.path("included"));
        for (String t : leased) {
            if (!described.containsKey(t)) {
                throw refused("/data/relationships/tags lists " + t + ", which /included does not describe");
            }
        }
        for (Included t : described.values()) {
            if (!leased.contains(t.id())) {
                throw refused("/included/" + t.index() + " describes " + t.id() + ", which is not one of the lease's"
                        + " tags (/data/relationships/tags)");
            }
        }
        if (leased.size() > maxTags) {
            throw refused("the lease holds " + leased.size() + " tags, more than the " + maxTags + " asked for");
        }
        List<LeasedTag> tags = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (Included t : described.values()) {
            String at = "/included/" + t.index();
            JsonNode a = t.node().path("attributes");
            String code = TagbaseDocuments.str(a, "protocol", at + "/attributes/protocol");
            ChipProtocol protocol = ChipProtocol.byCode(code).orElseThrow(() -> refused(at + "/attributes/protocol is '"
                    + code + "', not a protocol this station encodes (" + ChipProtocol.codes() + ")"));
            String url = TagbaseDocuments.str(a, "url", at + "/attributes/url");
            Optional<String> problem = TagUrl.problem(url);
            if (problem.isPresent()) {
                left.add("tag " + t.id() + " (" + at + "/attributes/url): " + problem.get());
            } else {
                tags.add(new LeasedTag(t.id(), protocol, url));
            }
        }
        return new Lease(id, expires, tags, left);
    }

    /** The lease id of an answer, when it has a usable one: to give back a lease whose answer was refused. */
    static Optional<String> leaseId(byte[] body) {
        try {
            return Optional.of(TagbaseDocuments.id(TagbaseDocuments.object(TagbaseDocuments.parse(body), "data",
                    "/data"), "/data/id"));
        } catch (PlatformProtocolException e) {
            return Optional.empty();
        }
    }

    private static Set<String> relationships(JsonNode list) {
        if (!list.isArray()) {
            throw refused("/data/relationships/tags/data is missing or not an array");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String id = TagbaseDocuments.id(list.get(i), "/data/relationships/tags/data/" + i + "/id");
            if (!ids.add(id)) {
                throw refused("/data/relationships/tags lists " + id + " more than once");
            }
        }
        return ids;
    }

    /** A tag of {@code included}: its id, its index in the answer (for messages) and its node. */
    private record Included(String id, int index, JsonNode node) {
    }

    /** The included tags by id, in answer order. */
    private static Map<String, Included> included(JsonNode list) {
        if (!list.isMissingNode() && !list.isArray()) {
            throw refused("/included is not an array");
        }
        Map<String, Included> out = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            if (!"tags".equals(t.path("type").asText())) {
                continue; // JSON:API lets a server include other resources; only tags are the lease's
            }
            String id = TagbaseDocuments.id(t, "/included/" + i + "/id");
            if (out.containsKey(id)) {
                throw refused("/included describes " + id + " more than once");
            }
            out.put(id, new Included(id, i, t));
        }
        return out;
    }

    private static PlatformProtocolException refused(String what) {
        return new PlatformProtocolException("lease answer: " + what);
    }
}
