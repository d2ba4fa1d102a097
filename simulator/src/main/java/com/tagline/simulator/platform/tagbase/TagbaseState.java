package com.tagline.simulator.platform.tagbase;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /_emulator/state} shows (platform-api §1.4), for in-process tests too.
 *
 * @param tags          tag counts by status wire name ({@code created}, {@code configured})
 * @param leases        lease counts: {@code live}, {@code expired}, {@code released}
 * @param reports       report entry counts by result ({@code accepted}, {@code duplicate}, {@code conflict},
 *                      {@code rejected})
 * @param verifications verification counts by verdict ({@code valid}, {@code invalid})
 * @param conflicts     every conflict answered, in order
 * @param webhooks      webhook counts: {@code delivered}, {@code pending}, {@code attempts}
 */
public record TagbaseState(Map<String, Long> tags, Map<String, Long> leases, Map<String, Long> reports,
        Map<String, Long> verifications, List<Conflict> conflicts, Map<String, Long> webhooks) {
    /**
     * One {@code conflict} answer: a second chip carries an identity.
     *
     * @param tagId  the reported tag
     * @param uid    the UID the report carried
     * @param detail what it conflicts with
     */
    public record Conflict(String tagId, String uid, String detail) {}

    public TagbaseState {
        tags = Map.copyOf(tags);
        leases = Map.copyOf(leases);
        reports = Map.copyOf(reports);
        verifications = Map.copyOf(verifications);
        conflicts = List.copyOf(conflicts);
        webhooks = Map.copyOf(webhooks);
    }

    /** A count, 0 when absent, e.g. {@code reports("duplicate")}. */
    public long reports(String result) {
        return reports.getOrDefault(result, 0L);
    }

    public long tags(String status) {
        return tags.getOrDefault(status, 0L);
    }

    public long leases(String kind) {
        return leases.getOrDefault(kind, 0L);
    }

    public long verifications(String verdict) {
        return verifications.getOrDefault(verdict, 0L);
    }

    /** Reads what {@code GET /_emulator/state} answered (another process's emulator). */
    public static TagbaseState fromJson(com.fasterxml.jackson.databind.JsonNode n) {
        List<Conflict> conflicts = new java.util.ArrayList<>();
        n.path("conflicts").forEach(c -> conflicts.add(new Conflict(c.path("tag_id").asText(), c.path("uid").asText(),
                c.path("detail").asText())));
        return new TagbaseState(counts(n.path("tags")), counts(n.path("leases")), counts(n.path("reports")),
                counts(n.path("verifications")), conflicts, counts(n.path("webhooks")));
    }

    private static Map<String, Long> counts(com.fasterxml.jackson.databind.JsonNode n) {
        Map<String, Long> m = new java.util.HashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    ObjectNode toJson() {
        ObjectNode n = JsonApi.JSON.createObjectNode();
        n.set("tags", JsonApi.JSON.valueToTree(new java.util.TreeMap<>(tags)));
        n.set("leases", JsonApi.JSON.valueToTree(new java.util.TreeMap<>(leases)));
        n.set("reports", JsonApi.JSON.valueToTree(new java.util.TreeMap<>(reports)));
        n.set("verifications", JsonApi.JSON.valueToTree(new java.util.TreeMap<>(verifications)));
        var list = n.putArray("conflicts");
        conflicts.forEach(c -> list.addObject().put("tag_id", c.tagId()).put("uid", c.uid()).put("detail", c.detail()));
        n.set("webhooks", JsonApi.JSON.valueToTree(new java.util.TreeMap<>(webhooks)));
        return n;
    }
}
