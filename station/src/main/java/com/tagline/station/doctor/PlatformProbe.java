package com.tagline.station.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.station.config.StationConfig;
import com.tagline.station.platform.HttpTransport;
import com.tagline.station.platform.TokenHeader;
import com.tagline.station.platform.ixkio.IxkioTokenHeader;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one call the doctor makes to tell whether the platform takes the station's token, changing nothing
 * on it, in the token header the station sends.
 *
 * <ul>
 *   <li>tagbase: {@code GET {api_base}/tags/tag_doctor_probe}, read-only (platform-api §1.1): a bad key is
 *       {@code 401}, an unknown tag of a good key {@code 404}.</li>
 *   <li>ixkio has no read call (§2.1): {@code PATCH {api_base}/x/tagline-doctor-probe} with an empty form
 *       body. The token is checked before the tag code: a bad one is {@code 401 {"message":"Invalid API Key"}};
 *       a good one gets {@code 200 {"message":"Tag Code not found"}}. Even a tag code of that XUID would be
 *       left alone: a PATCH without fields is rejected ({@code "No parameters to update"}).</li>
 * </ul>
 *
 * @param what     the call in words, for the report
 * @param body     the request body, null for none
 * @param accepted the statuses that mean the token was accepted
 */
record PlatformProbe(String what, HttpMethod method, String path, String body, Map<String, String> headers,
                     TokenHeader tokenHeader, Set<Integer> accepted) {
    static final String TAGBASE_TAG = "tag_doctor_probe";
    static final String IXKIO_XUID = "tagline-doctor-probe";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGE_LIMIT = 120;

    /** The probe of the configured platform. */
    static PlatformProbe of(StationConfig.Platform platform) {
        return switch (platform.kind()) {
            case TAGBASE -> new PlatformProbe("read-only GET of the made-up tag " + TAGBASE_TAG, HttpMethod.GET,
                    platform.apiBase() + "/tags/" + TAGBASE_TAG, null, Map.of("Accept", "application/vnd.api+json"),
                    TokenHeader.BEARER, Set.of(200, 404));
            case IXKIO -> new PlatformProbe("PATCH without fields of the made-up tag code " + IXKIO_XUID,
                    HttpMethod.PATCH,
                    platform.apiBase() + "/x/" + IXKIO_XUID, "", Map.of("Content-Type",
                    "application/x-www-form-urlencoded; charset=UTF-8", "Accept", "application/json"),
                    IxkioTokenHeader.X_API_KEY.header(), Set.of(200));
        };
    }

    HttpTransport.Response send(HttpTransport transport) {
        return transport.call(method + " " + path, method, path,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * Why an accepted status means the token was accepted: the probe asks about a tag that does not exist, and
     * the platform checks the token first (a refused token is {@code 401}), so "not found" is a good answer.
     */
    String acceptance(HttpTransport.Response r) {
        return "a " + what + " answered " + said(r) + ", which the platform says only to a token it accepted (a"
                + " refused one gets 401)";
    }

    /** What the answer said, for the report: its status, and the {@code message} of a JSON answer (ixkio's). */
    static String said(HttpTransport.Response r) {
        return r.status() + message(r.body()).map(m -> " \"" + m + "\"").orElse("");
    }

    private static Optional<String> message(byte[] body) {
        try {
            JsonNode doc = body.length == 0 ? null : JSON.readTree(new String(body, StandardCharsets.UTF_8));
            JsonNode m = doc == null ? null : doc.get("message");
            return m != null && m.isTextual()
                    ? Optional.of(m.textValue().substring(0, Math.min(MESSAGE_LIMIT, m.textValue().length())))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
