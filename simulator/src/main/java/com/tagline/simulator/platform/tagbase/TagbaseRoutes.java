package com.tagline.simulator.platform.tagbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.platform.EmulatorHandler;
import com.tagline.simulator.platform.EmulatorHttpServer;
import com.tagline.simulator.platform.EmulatorRequest;
import com.tagline.simulator.platform.EmulatorResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP routes of the tagbase emulator: the public Tags API (platform-api §1.1) and the station
 * endpoints (§1.2). Every route first checks the bearer key ({@code 401}) and, for a request with a
 * body, the media type ({@code 415}; a missing Content-Type is tolerated), then parses the document
 * ({@code 400}/{@code 422} with the offending pointer) and calls the {@link TagbaseLedger}.
 *
 * <p>Handlers are quick in-memory work and run on the event loop.
 */
final class TagbaseRoutes {
    private static final String API = "/api/v1";

    /** A handler that runs after authentication, with the key's account. */
    @FunctionalInterface
    private interface AccountHandler {
        EmulatorResponse handle(String account, EmulatorRequest request);
    }

    private final TagbaseLedger ledger;

    private TagbaseRoutes(TagbaseLedger ledger) {
        this.ledger = ledger;
    }

    static void register(EmulatorHttpServer server, TagbaseLedger ledger) {
        TagbaseRoutes r = new TagbaseRoutes(ledger);
        server.route("POST", API + "/tags", r.guarded(r::createTags))
                .route("GET", API + "/tags/:id", r.guarded(r::getTag))
                .route("POST", API + "/tags/:id/verifications", r.guarded(r::verify))
                .route("POST", API + "/encoding_leases", r.guarded(r::lease))
                .route("POST", API + "/encoding_leases/:id/renew", r.guarded(r::renew))
                .route("DELETE", API + "/encoding_leases/:id", r.guarded(r::release))
                .route("POST", API + "/tag_configurations", r.guarded(r::report));
    }

    private EmulatorHandler guarded(AccountHandler handler) {
        return request -> {
            Optional<String> account = request.header("authorization")
                    .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                    .map(h -> h.substring(7).strip())
                    .flatMap(ledger::authenticate);
            if (account.isEmpty()) {
                return JsonApi.error(401, "Unauthorized", "missing, unknown or revoked API key", null)
                        .withHeader("www-authenticate", "Bearer");
            }
            Optional<String> type = request.header("content-type");
            if (request.hasBody() && type.isPresent() && !type.get().split(";")[0].strip()
                    .toLowerCase(Locale.ROOT).equals(JsonApi.MEDIA_TYPE)) {
                return JsonApi.error(415, "Unsupported Media Type", "requests must use " + JsonApi.MEDIA_TYPE
                        + ", not " + type.get(), null);
            }
            try {
                return handler.handle(account.get(), request);
            } catch (JsonApiException e) {
                return JsonApi.error(e);
            }
        };
    }

    private EmulatorResponse createTags(String account, EmulatorRequest request) {
        ArrayNode data = JsonApi.dataArray(JsonApi.body(request));
        List<String[]> entries = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            ObjectNode a = JsonApi.attributes(data.get(i), "/data/" + i);
            entries.add(new String[] {JsonApi.requiredText(a, "protocol", "/data/" + i + "/attributes"),
                JsonApi.requiredText(a, "url", "/data/" + i + "/attributes")});
        }
        List<TagbaseLedger.NewTag> batch = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String protocol = entries.get(i)[0];
            int index = i;
            ChipProtocol p = ChipProtocol.byCode(protocol).orElseThrow(() -> JsonApiException.unprocessable(
                    "unknown protocol '" + protocol + "' (supported: ntag_424_dna, ntag_223_dna)",
                    "/data/" + index + "/attributes/protocol"));
            batch.add(new TagbaseLedger.NewTag(i, p, entries.get(i)[1]));
        }
        ObjectNode doc = JsonApi.JSON.createObjectNode();
        ArrayNode out = doc.putArray("data");
        for (TagView t : ledger.createTags(account, batch)) {
            out.addObject().put("type", "tags").put("id", t.id()).putObject("attributes").put("url", t.url());
        }
        return JsonApi.document(201, doc);
    }

    private EmulatorResponse getTag(String account, EmulatorRequest request) {
        String id = request.pathParam("id");
        TagView tag = ledger.tag(account, id).orElseThrow(() -> JsonApiException.notFound("no tag " + id
                + " in this account"));
        ObjectNode doc = JsonApi.JSON.createObjectNode();
        doc.set("data", JsonApi.tagResource(tag));
        return JsonApi.document(200, doc);
    }

    private EmulatorResponse lease(String account, EmulatorRequest request) {
        ObjectNode a = JsonApi.attributes(JsonApi.dataObject(JsonApi.body(request)), "/data");
        String station = JsonApi.requiredText(a, "station", "/data/attributes");
        Set<ChipProtocol> protocols = protocols(a.get("protocols"));
        JsonNode max = a.get("max_tags");
        if (max == null || !max.isIntegralNumber()) {
            throw JsonApiException.badRequest("max_tags is required and must be an integer",
                    "/data/attributes/max_tags");
        }
        if (!max.canConvertToInt() || max.intValue() < 1 || max.intValue() > JsonApi.MAX_BATCH) {
            throw JsonApiException.unprocessable("max_tags must be 1-" + JsonApi.MAX_BATCH + ", got " + max,
                    "/data/attributes/max_tags");
        }
        TagbaseLedger.LeaseGrant g = ledger.lease(account, station, protocols, max.intValue());
        ObjectNode doc = leaseDocument(g);
        ArrayNode refs = ((ObjectNode) doc.get("data")).putObject("relationships").putObject("tags").putArray("data");
        ArrayNode included = doc.putArray("included");
        for (TagView t : g.tags()) {
            refs.addObject().put("type", "tags").put("id", t.id());
            ObjectNode r = included.addObject().put("type", "tags").put("id", t.id());
            r.putObject("attributes").put("protocol", t.protocol().code()).put("url", t.url())
                    .put("status", t.status().wireName());
        }
        return JsonApi.document(201, doc);
    }

    /** Absent means every protocol; otherwise a non-empty array of known protocol identifiers. */
    private static Set<ChipProtocol> protocols(JsonNode node) {
        if (node == null) {
            return EnumSet.allOf(ChipProtocol.class);
        }
        if (!node.isArray()) {
            throw JsonApiException.badRequest("protocols must be an array of strings", "/data/attributes/protocols");
        }
        if (node.isEmpty()) {
            throw JsonApiException.unprocessable("protocols must name at least one protocol",
                    "/data/attributes/protocols");
        }
        Set<ChipProtocol> out = EnumSet.noneOf(ChipProtocol.class);
        for (int i = 0; i < node.size(); i++) {
            String pointer = "/data/attributes/protocols/" + i;
            JsonNode p = node.get(i);
            if (!p.isTextual()) {
                throw JsonApiException.badRequest("protocols must be an array of strings", pointer);
            }
            out.add(ChipProtocol.byCode(p.textValue()).orElseThrow(() -> JsonApiException.unprocessable(
                    "unknown protocol '" + p.textValue() + "'", pointer)));
        }
        return out;
    }

    private EmulatorResponse renew(String account, EmulatorRequest request) {
        return JsonApi.document(200, leaseDocument(ledger.renew(account, request.pathParam("id"))));
    }

    private EmulatorResponse release(String account, EmulatorRequest request) {
        ledger.release(account, request.pathParam("id"));
        return EmulatorResponse.empty(204);
    }

    private static ObjectNode leaseDocument(TagbaseLedger.LeaseGrant g) {
        ObjectNode doc = JsonApi.JSON.createObjectNode();
        ObjectNode data = doc.putObject("data").put("type", "encoding_leases").put("id", g.id());
        data.putObject("attributes").put("station", g.station()).put("expires_at", IdSource.timestamp(g.expiresAt()));
        return doc;
    }

    private EmulatorResponse report(String account, EmulatorRequest request) {
        ArrayNode data = JsonApi.dataArray(JsonApi.body(request));
        List<ObjectNode> entries = new ArrayList<>();
        data.forEach(e -> entries.add((ObjectNode) e));
        ObjectNode doc = JsonApi.JSON.createObjectNode();
        ArrayNode out = doc.putArray("data");
        for (ReportResult r : ledger.report(account, entries)) {
            ObjectNode a = out.addObject().put("type", "tag_configurations").put("id", r.tagId())
                    .putObject("attributes").put("result", r.kind().wireName());
            if (r.detail() != null) {
                a.put("detail", r.detail());
            }
        }
        return JsonApi.document(200, doc);
    }

    private EmulatorResponse verify(String account, EmulatorRequest request) {
        ObjectNode a = JsonApi.attributes(JsonApi.dataObject(JsonApi.body(request)), "/data");
        Map<String, String> parameters = new LinkedHashMap<>();
        a.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw JsonApiException.badRequest("query parameters are strings", "/data/attributes/" + e.getKey());
            }
            parameters.put(e.getKey(), e.getValue().textValue());
        });
        TagbaseLedger.Verification v = ledger.verify(account, request.pathParam("id"), parameters);
        ObjectNode doc = JsonApi.JSON.createObjectNode();
        ObjectNode attrs = doc.putObject("data").put("type", "verifications").put("id", v.id())
                .putObject("attributes");
        attrs.put("tag_id", request.pathParam("id")).put("verdict", v.valid() ? "valid" : "invalid");
        if (v.counter() != null) {
            attrs.put("counter", v.counter());
        }
        if (v.reason() != null) {
            attrs.put("detail", v.reason());
        }
        return JsonApi.document(201, doc);
    }
}
