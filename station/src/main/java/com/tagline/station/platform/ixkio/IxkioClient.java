package com.tagline.station.platform.ixkio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.HttpTransport;
import com.tagline.station.platform.PlatformProtocolException;
import com.tagline.station.platform.PlatformStatusException;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The station's client of the ixkio Management API (platform-api §2): PATCHes a tag code with a
 * {@link TagCodeUpdate} as a form body, over {@link HttpTransport} with the token in one of the
 * {@link IxkioTokenHeader} spellings.
 *
 * <p>Answers: {@code 200} with {@code updated} is {@link UpdateResult.Applied}; {@code 200} with a
 * {@code message} member is {@link UpdateResult.Rejected} (never success, §2.1). Failures:
 * {@link PlatformStatusException} for any other status — {@code 401} (bad token: stop syncing and raise
 * an alarm), {@code 5xx} ({@link PlatformStatusException#transientFailure()}, with {@code Retry-After}
 * when sent); {@link com.tagline.station.platform.PlatformUnreachableException} when no answer came
 * (the update may have been applied; re-sending is harmless, the PATCH sets absolute values);
 * {@link PlatformProtocolException} for a {@code 200} that is neither answer. Messages never hold the token.
 *
 * <p>Threading: blocking; call it from the sync thread, never from an event loop. Safe for one caller at a time.
 */
public final class IxkioClient implements AutoCloseable {
    /** The Management API's path prefix (platform-api §2.1). */
    public static final String API_BASE = "/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FORM = Map.of("Content-Type",
            "application/x-www-form-urlencoded; charset=UTF-8", "Accept", "application/json");

    private final HttpTransport http;
    private final String apiBase;

    /**
     * @param http    a transport made with the token header of an {@link IxkioTokenHeader}
     * @param apiBase the API's path prefix, {@value #API_BASE} for ixkio (configuration if a platform differs)
     */
    public IxkioClient(HttpTransport http, String apiBase) {
        this.http = http;
        this.apiBase = apiBase;
    }

    /** The token in {@code X-API-Key}, API base {@value #API_BASE}. */
    public static IxkioClient open(HttpEndpoint endpoint) {
        return open(endpoint, IxkioTokenHeader.X_API_KEY);
    }

    public static IxkioClient open(HttpEndpoint endpoint, IxkioTokenHeader tokenHeader) {
        return new IxkioClient(new HttpTransport(endpoint, tokenHeader.header()), API_BASE);
    }

    /** PATCHes the tag code by XUID with {@code ix_status=Active}, {@code ix_assigned=Assigned} and nothing else. */
    public UpdateResult activate(String xuid) {
        return update(TagCodeRef.xuid(xuid), TagCodeUpdate.activation());
    }

    /** Sends one update; see the class comment for answers and failures. */
    public UpdateResult update(TagCodeRef ref, TagCodeUpdate update) {
        String path = apiBase + ref.path();
        String what = "PATCH " + path;
        Map<String, String> headers = new HashMap<>(FORM);
        headers.putAll(ref.headers());
        HttpTransport.Response r = http.call(what, HttpMethod.PATCH, path,
                update.formBody().getBytes(StandardCharsets.UTF_8), headers);
        if (r.status() != 200) {
            throw new PlatformStatusException(what, r, message(r.body()));
        }
        UpdateResult result = result(what, r.body());
        if (result instanceof UpdateResult.Applied applied && ref instanceof TagCodeRef.ByXuid byXuid
                && !applied.xuid().equals(byXuid.xuid())) {
            // an update answered for another tag code says nothing of ours: it must not confirm our outcome
            throw new PlatformProtocolException(what + ": 200 answer is for tag code '" + applied.xuid()
                    + "', not '" + byXuid.xuid() + "'");
        }
        return result;
    }

    private static UpdateResult result(String what, byte[] body) {
        JsonNode doc = parse(body);
        if (doc == null || !doc.isObject()) {
            throw new PlatformProtocolException(what + ": 200 answer is not a JSON object");
        }
        JsonNode message = doc.get("message");
        if (message != null) {
            if (!message.isTextual()) {
                throw new PlatformProtocolException(what + ": 200 answer's message is not a string");
            }
            return new UpdateResult.Rejected(message.textValue());
        }
        JsonNode xuid = doc.get("xuid");
        JsonNode updated = doc.get("updated");
        if (xuid == null || !xuid.isTextual() || updated == null || !updated.isArray()) {
            throw new PlatformProtocolException(what + ": 200 answer has neither message nor xuid and updated");
        }
        List<String> names = new ArrayList<>();
        updated.forEach(n -> names.add(n.asText()));
        return new UpdateResult.Applied(xuid.textValue(), names);
    }

    /** The {@code message} of an error answer, or null when the body has none. */
    private static String message(byte[] body) {
        JsonNode doc = parse(body);
        JsonNode m = doc == null ? null : doc.get("message");
        return m != null && m.isTextual() ? m.textValue() : null;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The token this client sends, to be read again after a refusal. */
    public com.tagline.station.platform.Credential credential() {
        return http.endpoint().credential();
    }

    @Override
    public void close() {
        http.close();
    }
}
