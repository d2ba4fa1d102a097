package com.tagline.simulator.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a platform emulator: a Vert.x core {@link HttpServer} bound to {@value #HOST}
 * only, routing by method and path pattern ({@link RouteTable}) to {@link EmulatorHandler}s that get
 * the whole body. API routes suffer the {@link EmulatorFaults} (platform-api §1.4); control routes —
 * the built-in {@code GET /_emulator/state} and {@code POST /_emulator/faults} and any added with
 * {@link #controlRoute} — never do.
 *
 * <p>Fault order per API call: outage (close at once, nothing applied), latency (timer, the event
 * loop is not blocked), error_rate ({@code 503} with {@code Retry-After: 1}, nothing applied), throttle_rate
 * ({@code 429} with {@code Retry-After: 2}, nothing applied), the handler, then drop_responses_rate (applied,
 * connection closed before the answer).
 *
 * <p>Threading: add routes before {@link #start}; {@code start} and {@link #close} block the caller
 * and must not be called from a Vert.x thread. Handlers run on the event loop unless registered with
 * {@link #blockingRoute}. Request headers (credentials) are never logged.
 */
public final class EmulatorHttpServer implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    /** Largest accepted request body; larger ones are answered {@code 413}. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final Duration START_STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(EmulatorHttpServer.class);

    private final String name;
    private final EmulatorFaults faults;
    private final ErrorRenderer errors;
    /** The platform's clock, for the {@code Date} of every answer. */
    private final java.time.Clock clock;
    private final RouteTable routes = new RouteTable();
    private Vertx vertx;
    private HttpServer server;

    /**
     * @param name   the emulated platform, for logs and thread names (e.g. {@code tagbase})
     * @param faults the fault controls applied to API routes
     * @param errors renders the server's own error answers in the platform's format
     * @param state  the platform's part of {@code GET /_emulator/state}; called on the event loop
     */
    public EmulatorHttpServer(String name, EmulatorFaults faults, ErrorRenderer errors,
            Supplier<ObjectNode> state) {
        this(name, faults, errors, state, java.time.Clock.systemUTC());
    }

    /** As above, with the platform's {@code clock}: the one its leases and records run on, also for {@code Date}. */
    public EmulatorHttpServer(String name, EmulatorFaults faults, ErrorRenderer errors,
            Supplier<ObjectNode> state, java.time.Clock clock) {
        this.name = name;
        this.faults = faults;
        this.errors = errors;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        controlRoute("GET", "/_emulator/state", request -> stateAnswer(state));
        controlRoute("POST", "/_emulator/faults", this::faultsAnswer);
    }

    /** An API route handled on the event loop (quick, in-memory handlers). */
    public EmulatorHttpServer route(String method, String pattern, EmulatorHandler handler) {
        routes.add(method, pattern, handler, false, false);
        return this;
    }

    /** An API route whose handler blocks; it runs on a Vert.x worker thread. */
    public EmulatorHttpServer blockingRoute(String method, String pattern, EmulatorHandler handler) {
        routes.add(method, pattern, handler, true, false);
        return this;
    }

    /** A control route: no faults apply. Use paths under {@code /_emulator/}. */
    public EmulatorHttpServer controlRoute(String method, String pattern, EmulatorHandler handler) {
        routes.add(method, pattern, handler, false, true);
        return this;
    }

    /**
     * Starts listening on {@value #HOST}:{@code port}; {@code 0} picks a free port (see {@link #port()}).
     *
     * @throws IllegalStateException when already started, or the port cannot be bound (the message says why)
     */
    public synchronized void start(int port) {
        if (server != null) {
            throw new IllegalStateException(name + " emulator already started");
        }
        Vertx v = Vertx.vertx();
        HttpServer s = v.createHttpServer(new HttpServerOptions().setHost(HOST).setPort(port));
        s.requestHandler(this::handle);
        try {
            await(s.listen());
        } catch (RuntimeException e) {
            await(v.close());
            throw new IllegalStateException(name + " emulator cannot listen on " + HOST + ":" + port + ": "
                    + e.getMessage(), e);
        }
        vertx = v;
        server = s;
        log.info("{} emulator listening on {}", name, baseUrl());
    }

    /** The port actually bound. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException(name + " emulator is not started");
        }
        return server.actualPort();
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + HOST + ":" + port();
    }

    public EmulatorFaults faults() {
        return faults;
    }

    /** Stops listening and closes open connections; idempotent. */
    @Override
    public synchronized void close() {
        if (vertx != null) {
            Vertx v = vertx;
            vertx = null;
            server = null;
            await(v.close());
        }
    }

    private void handle(HttpServerRequest req) {
        String path = req.path();
        String method = req.method().name().toUpperCase(Locale.ROOT);
        Optional<RouteTable.Match> match = routes.find(method, path);
        boolean control = match.map(m -> m.route().control()).orElse(routes.isControlPath(path));
        if (!control) {
            FaultSettings s = faults.settings();
            if (s.outage()) {
                log.debug("{} {} {}: outage, connection closed", name, method, path);
                req.connection().close();
                return;
            }
            if (s.latencyMs() > 0) {
                req.pause();
                vertx.setTimer(s.latencyMs(), id -> {
                    req.resume();
                    readAndAnswer(req, method, match, true);
                });
                return;
            }
        }
        readAndAnswer(req, method, match, !control);
    }

    private void readAndAnswer(HttpServerRequest req, String method, Optional<RouteTable.Match> match, boolean api) {
        String length = req.getHeader("content-length");
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > MAX_BODY_BYTES) {
            send(req, errors.error(413, "Payload Too Large", "request bodies are limited to " + MAX_BODY_BYTES
                    + " bytes"), false);
            return;
        }
        req.body().onComplete(body -> {
            if (body.failed()) {
                req.connection().close();
                return;
            }
            if (api && faults.rollError()) {
                send(req, errors.error(503, "Service Unavailable", "injected fault: error_rate")
                        .withHeader("retry-after", "1"), false);
                return;
            }
            if (api && faults.rollThrottle()) {
                send(req, errors.error(429, "Too Many Requests", "injected fault: throttle_rate")
                        .withHeader("retry-after", String.valueOf(FaultSettings.THROTTLE_RETRY_AFTER_SECONDS)), false);
                return;
            }
            if (match.isEmpty()) {
                send(req, noRoute(req.path()), false);
                return;
            }
            EmulatorRequest request = new EmulatorRequest(method, req.path(), match.get().pathParams(),
                    headers(req), body.result().getBytes());
            Future<EmulatorResponse> answer = match.get().route().blocking()
                    ? vertx.executeBlocking(() -> invoke(match.get().route().handler(), request), false)
                    : Future.succeededFuture(invoke(match.get().route().handler(), request));
            answer.onComplete(a -> send(req, a.succeeded() ? a.result()
                    : errors.error(500, "Internal Server Error", String.valueOf(a.cause())), api && faults.rollDrop()));
        });
    }

    private EmulatorResponse invoke(EmulatorHandler handler, EmulatorRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            log.warn("{} {} {}: handler failed", name, request.method(), request.path(), e);
            return errors.error(500, "Internal Server Error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private EmulatorResponse noRoute(String path) {
        Set<String> allowed = routes.methodsFor(path);
        if (allowed.isEmpty()) {
            return errors.error(404, "Not Found", "no route for " + path);
        }
        return errors.error(405, "Method Not Allowed", path + " allows " + String.join(", ", allowed))
                .withHeader("allow", String.join(", ", allowed));
    }

    private void send(HttpServerRequest req, EmulatorResponse r, boolean drop) {
        log.debug("{} {} {} -> {}{}", name, req.method(), req.path(), r.status(), drop ? " (answer dropped)" : "");
        if (drop) {
            req.connection().close();
            return;
        }
        HttpServerResponse resp = req.response().setStatusCode(r.status());
        // An origin server with a clock sends Date (RFC 9110 §6.6.1), from the clock its leases run on: the station
        // reads the platform's time from it (lease expiry, its doctor's clock check).
        resp.putHeader("date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)));
        r.headers().forEach(resp::putHeader);
        resp.end(Buffer.buffer(r.body()));
    }

    private static Map<String, String> headers(HttpServerRequest req) {
        Map<String, String> h = new HashMap<>();
        req.headers().forEach(e -> h.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        return h;
    }

    private EmulatorResponse stateAnswer(Supplier<ObjectNode> state) {
        ObjectNode doc = state.get().deepCopy();
        doc.set("faults", faults.toJson());
        return EmulatorResponse.of(200, JSON_TYPE, doc.toString());
    }

    private EmulatorResponse faultsAnswer(EmulatorRequest request) {
        try {
            faults.configure(request.bodyText());
        } catch (IllegalArgumentException e) {
            ObjectNode err = JSON.createObjectNode().put("error", e.getMessage());
            return EmulatorResponse.of(400, JSON_TYPE, err.toString());
        }
        log.info("{} emulator faults now {}", name, faults.settings());
        return EmulatorResponse.of(200, JSON_TYPE, faults.toJson().toString());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture()
                    .get(START_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c.getMessage(), c);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Vert.x did not answer within " + START_STOP_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
