package com.tagline.simulator.platform.tagbase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.simulator.platform.EmulatorRequest;
import com.tagline.simulator.platform.EmulatorResponse;

/**
 * JSON:API documents of the tagbase emulator (platform-api §1.1): the media type, error documents
 * {@code {"errors":[{"status":"422","title":...,"detail":...,"source":{"pointer":...}}]}}, request
 * parsing that fails with {@code 400} naming the pointer, and the tag resource. Stateless.
 */
final class JsonApi {
    static final String MEDIA_TYPE = "application/vnd.api+json";
    static final int MAX_BATCH = 500;
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonApi() {}

    static EmulatorResponse document(int status, JsonNode doc) {
        return EmulatorResponse.of(status, MEDIA_TYPE, doc.toString());
    }

    static EmulatorResponse error(int status, String title, String detail, String pointer) {
        ObjectNode doc = JSON.createObjectNode();
        ObjectNode e = doc.putArray("errors").addObject();
        e.put("status", Integer.toString(status)).put("title", title).put("detail", detail);
        if (pointer != null) {
            e.putObject("source").put("pointer", pointer);
        }
        return document(status, doc);
    }

    static EmulatorResponse error(JsonApiException e) {
        return error(e.status(), e.title(), e.getMessage(), e.pointer());
    }

    /** The request body as a JSON object; {@code 400} when it is missing, not JSON or not an object. */
    static JsonNode body(EmulatorRequest request) {
        if (!request.hasBody()) {
            throw JsonApiException.badRequest("the request needs a JSON:API document", "");
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw JsonApiException.badRequest("the body is not JSON: " + e.getOriginalMessage(), "");
        } catch (java.io.IOException e) {
            throw JsonApiException.badRequest("the body cannot be read: " + e.getMessage(), "");
        }
        if (doc == null || !doc.isObject()) {
            throw JsonApiException.badRequest("the document must be a JSON object", "");
        }
        return doc;
    }

    /** {@code /data} as an array of 1..500 objects each with an {@code attributes} object; else {@code 400}. */
    static ArrayNode dataArray(JsonNode doc) {
        JsonNode data = doc.get("data");
        if (data == null || !data.isArray() || data.isEmpty() || data.size() > MAX_BATCH) {
            throw JsonApiException.badRequest("data must be an array of 1-" + MAX_BATCH + " resources", "/data");
        }
        for (int i = 0; i < data.size(); i++) {
            attributes(data.get(i), "/data/" + i);
        }
        return (ArrayNode) data;
    }

    /** {@code /data} as one object with an {@code attributes} object; else {@code 400}. */
    static ObjectNode dataObject(JsonNode doc) {
        JsonNode data = doc.get("data");
        attributes(data, "/data");
        return (ObjectNode) data;
    }

    /** The {@code attributes} object of a resource at {@code pointer}; {@code 400} when absent. */
    static ObjectNode attributes(JsonNode resource, String pointer) {
        if (resource == null || !resource.isObject()) {
            throw JsonApiException.badRequest(pointer + " must be a resource object", pointer);
        }
        JsonNode a = resource.get("attributes");
        if (a == null || !a.isObject()) {
            throw JsonApiException.badRequest(pointer + "/attributes must be an object", pointer + "/attributes");
        }
        return (ObjectNode) a;
    }

    /** A required string attribute; {@code 400} when missing or not a string. */
    static String requiredText(ObjectNode attributes, String name, String pointer) {
        JsonNode v = attributes.get(name);
        if (v == null || !v.isTextual()) {
            throw JsonApiException.badRequest(name + " is required and must be a string", pointer + "/" + name);
        }
        return v.textValue();
    }

    /** {@code {"type":"tags","id":...,"attributes":{protocol,url,status,configured_at}}}. */
    static ObjectNode tagResource(TagView tag) {
        ObjectNode r = JSON.createObjectNode().put("type", "tags").put("id", tag.id());
        ObjectNode a = r.putObject("attributes");
        a.put("protocol", tag.protocol().code()).put("url", tag.url()).put("status", tag.status().wireName());
        if (tag.configuredAt() == null) {
            a.putNull("configured_at");
        } else {
            a.put("configured_at", IdSource.timestamp(tag.configuredAt()));
        }
        return r;
    }
}
