package com.tagline.simulator.platform.ixkio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.simulator.platform.EmulatorFaults;
import com.tagline.simulator.platform.EmulatorHttpServer;
import com.tagline.simulator.platform.EmulatorRequest;
import com.tagline.simulator.platform.EmulatorResponse;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ixkio Management API emulator (platform-api §2.1) on an {@link EmulatorHttpServer} (loopback only,
 * the fault controls of §1.4, {@code GET /_emulator/state}).
 *
 * <p>Routes: {@code PATCH /v1/x/{xuid}} and {@code PATCH /v1/a/{aid}} with request header {@code ix_c}
 * (CUID, case-sensitive) or {@code ix_u} (UID, exact: lowercase is not found); {@code ix_c} is used when
 * both are sent, and neither is "Tag Code not found". The token goes in {@code X-API-Key} /
 * {@code X-Api-Key} (one header to HTTP, whose names are case-insensitive) or {@code Ixkio-R}; a missing
 * or wrong token is {@code 401 {"message":"Invalid API Key"}} and is checked before the tag code.
 * Answers are {@code 200} JSON: {@code {"xuid":...,"updated":[...]}} or {@code {"message":...}}. A body
 * the API cannot read is {@code 400}/{@code 415} with a {@code message}; the server's own errors
 * (no route, injected {@code 503}) use the same {@code {"message":...}} form.
 *
 * <p>Threading: start and close from a plain thread; requests are handled on the event loop (the
 * account is in memory and synchronized). The token is compared in constant time and never logged.
 */
public final class IxkioEmulator implements AutoCloseable {
    public static final String DEFAULT_AID = "A1";
    /** The seed's three spellings; the first two are one HTTP header. */
    public static final List<String> TOKEN_HEADERS = List.of("X-API-Key", "X-Api-Key", "Ixkio-R");
    static final String INVALID_KEY = "Invalid API Key";
    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IxkioAccount account;
    private final byte[] apiKey;
    private final EmulatorHttpServer server;

    private IxkioEmulator(IxkioAccount account, String apiKey, EmulatorFaults faults) {
        this.account = account;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.server = new EmulatorHttpServer("ixkio", faults, IxkioEmulator::message,
                () -> IxkioStateDocument.of(account));
        server.route("PATCH", "/v1/x/:xuid", r -> patch(r, new TagCodeLookup.ByXuid(decoded(r.pathParam("xuid")))));
        server.route("PATCH", "/v1/a/:aid", r -> patch(r, byAid(r)));
    }

    /**
     * Starts serving {@code account} on 127.0.0.1:{@code port} ({@code 0} picks a free port).
     *
     * @throws IllegalArgumentException for an empty API key
     * @throws IllegalStateException when the port cannot be bound
     */
    public static IxkioEmulator start(IxkioAccount account, String apiKey, EmulatorFaults faults, int port) {
        Objects.requireNonNull(account);
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException("the API key must not be empty");
        }
        IxkioEmulator e = new IxkioEmulator(account, apiKey, Objects.requireNonNull(faults));
        e.server.start(port);
        return e;
    }

    public IxkioAccount account() {
        return account;
    }

    public EmulatorFaults faults() {
        return server.faults();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    private EmulatorResponse patch(EmulatorRequest request, TagCodeLookup lookup) {
        if (!authorized(request)) {
            account.countUnauthorized();
            return message(401, INVALID_KEY);
        }
        PatchAnswer answer;
        try {
            answer = account.patch(lookup, ManagementBody.parameters(request));
        } catch (ManagementBody.MalformedBodyException e) {
            return message(e.status(), e.getMessage());
        }
        if (answer instanceof PatchAnswer.Updated u) {
            ObjectNode doc = JSON.createObjectNode().put("xuid", u.xuid());
            ArrayNode updated = doc.putArray("updated");
            u.updated().forEach(updated::add);
            return EmulatorResponse.of(200, JSON_TYPE, doc.toString());
        }
        return message(200, ((PatchAnswer.Rejected) answer).message());
    }

    private static TagCodeLookup byAid(EmulatorRequest request) {
        String aid = decoded(request.pathParam("aid"));
        Optional<String> cuid = request.header("ix_c");
        if (cuid.isPresent()) {
            return new TagCodeLookup.ByCuid(aid, cuid.get());
        }
        return new TagCodeLookup.ByUid(aid, request.header("ix_u").orElse(""));
    }

    private boolean authorized(EmulatorRequest request) {
        Optional<String> token = request.header("x-api-key").or(() -> request.header("ixkio-r"));
        return token.isPresent() && MessageDigest.isEqual(apiKey, token.get().getBytes(StandardCharsets.UTF_8));
    }

    private static String decoded(String segment) {
        return QueryStringDecoder.decodeComponent(segment.replace("+", "%2B"));
    }

    private static EmulatorResponse message(int status, String title, String detail) {
        return message(status, status == 503 ? "Service Unavailable" : title + ": " + detail);
    }

    private static EmulatorResponse message(int status, String text) {
        return EmulatorResponse.of(status, JSON_TYPE, JSON.createObjectNode().put("message", text).toString());
    }
}
