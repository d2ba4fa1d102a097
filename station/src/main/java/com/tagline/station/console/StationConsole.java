package com.tagline.station.console;

import com.tagline.station.line.LineState;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console (issue 14): a Vert.x HTTP server with one event loop. {@code GET /} the page,
 * {@code /api/status} the snapshot, {@code /api/events} server-sent events pushing each change within a
 * second, {@code /metrics} Prometheus text, {@code /healthz} and {@code /readyz}; the controls are
 * {@link ControlRoutes}. The event loop only reads published snapshots ({@link StationView}) and the
 * console's own counters; commands run on a worker thread.
 *
 * <p>It listens where {@link ConsoleSettings} says: loopback by default. Every asset is served from the
 * station's own jar: the page works with no internet.
 */
public final class StationConsole implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StationConsole.class);
    /** How often a change is looked for and pushed to event-stream clients (issue 14: within 1 s). */
    static final long PUSH_EVERY_MS = 500;
    private static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final ConsoleSettings settings;
    private final StationView view;
    private final Vertx vertx;
    private final StationMetrics metrics;
    private final ChipTally tally;
    private final Set<HttpServerResponse> streams = ConcurrentHashMap.newKeySet();
    private HttpServer server;
    private String lastPushed = "";

    private StationConsole(ConsoleSettings settings, StationView view, Instant since) {
        this.settings = settings;
        this.view = view;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(1));
        this.metrics = new StationMetrics(view);
        this.tally = new ChipTally(metrics.registry(), since);
    }

    /**
     * Starts serving; returns once listening.
     *
     * @param since when the counters start (the station's start, on its clock)
     * @throws IllegalStateException when it cannot listen (the message names the address and why)
     */
    public static StationConsole start(ConsoleSettings settings, StationView view, StationControls controls,
                                       Instant since) {
        StationConsole c = new StationConsole(settings, view, since);
        try {
            c.listen(controls);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void listen(StationControls controls) {
        Router router = Router.router(vertx);
        Assets assets = Assets.load();
        router.get("/").handler(ctx -> assets.serve(ctx, "index.html", PAGE_CSP));
        router.get("/console.js").handler(ctx -> assets.serve(ctx, "console.js", null));
        router.get("/console.css").handler(ctx -> assets.serve(ctx, "console.css", null));
        router.get("/favicon.svg").handler(ctx -> assets.serve(ctx, "favicon.svg", null));
        router.get("/api/status").handler(ctx -> json(ctx, 200, document()));
        router.get("/api/events").handler(this::stream);
        router.get("/metrics").handler(ctx -> ctx.response().putHeader("Content-Type",
                "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape()));
        router.get("/healthz").handler(ctx -> json(ctx, 200, new JsonObject().put("alive", true)));
        router.get("/readyz").handler(this::ready);
        new ControlRoutes(vertx, controls, new ControlGuard(settings.operatorToken(), settings.tokenSource())).mount(router);
        router.errorHandler(404, ctx -> json(ctx, 404, new JsonObject().put("error", "no such page: "
                + ctx.request().path())));
        try {
            server = vertx.createHttpServer(new HttpServerOptions().setHost(settings.host()).setPort(settings.port())
                            .setCompressionSupported(true))
                    .requestHandler(router).listen().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the console cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        vertx.setPeriodic(PUSH_EVERY_MS, id -> push());
        log.info("event=console_listening url={} controls={}", url(), settings.operatorToken().isPresent() ? "on" : "off");
    }

    /** Where the chip and sync events go. */
    public ConsoleEvents events() {
        return tally;
    }

    /** The port it listens on (the one the system chose, when configured 0). */
    public int port() {
        return server.actualPort();
    }

    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port() + "/";
    }

    /** The status document as {@code /api/status} answers it now. */
    JsonObject document() {
        StationSnapshot s = view.snapshot();
        return StatusDocument.of(s, tally.counts(s.now()), settings.targetPerHour());
    }

    private void ready(RoutingContext ctx) {
        StationSnapshot s = view.snapshot();
        JsonArray why = new JsonArray();
        if (!s.health().storeOpen()) {
            why.add("the store is closed");
        }
        if (!s.health().readerConnected()) {
            why.add("the reader is not connected");
        }
        LineState state = s.line().state();
        if (state == LineState.FAULT || state == LineState.ESTOP) {
            why.add("the line is in " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        json(ctx, why.isEmpty() ? 200 : 503, new JsonObject().put("ready", why.isEmpty()).put("why", why));
    }

    private void stream(RoutingContext ctx) {
        HttpServerResponse r = ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        r.write("retry: 2000\n\n");
        r.write(event(document()));
        streams.add(r);
        r.closeHandler(v -> streams.remove(r));
        r.exceptionHandler(e -> streams.remove(r));
    }

    /** On the event loop: pushes the document to every stream when it changed. */
    private void push() {
        if (streams.isEmpty()) {
            return;
        }
        JsonObject doc = document();
        String content = doc.copy().put("now", "").encode();
        if (content.equals(lastPushed)) {
            return;
        }
        lastPushed = content;
        Buffer ev = event(doc);
        for (HttpServerResponse r : streams) {
            if (!r.writeQueueFull()) {
                r.write(ev);
            }
        }
    }

    private static Buffer event(JsonObject doc) {
        return Buffer.buffer("event: status\ndata: " + doc.encode() + "\n\n");
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }

    @Override
    public void close() {
        streams.forEach(r -> r.end().onFailure(e -> { }));
        try {
            vertx.close().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("event=console_close_failed error=\"{}\"", e.toString());
        }
        metrics.close();
    }

    /** The page's files, read once from the jar. */
    private record Assets(java.util.Map<String, Buffer> files) {
        static Assets load() {
            java.util.Map<String, Buffer> files = new java.util.HashMap<>();
            for (String name : new String[] {"index.html", "console.js", "console.css", "favicon.svg"}) {
                try (InputStream in = StationConsole.class.getResourceAsStream("/console/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("the console's " + name + " is missing from the jar");
                    }
                    files.put(name, Buffer.buffer(in.readAllBytes()));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read the console's " + name + ": " + e.getMessage(), e);
                }
            }
            return new Assets(files);
        }

        void serve(RoutingContext ctx, String name, String csp) {
            String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript"
                    : name.endsWith(".svg") ? "image/svg+xml" : "text/css";
            HttpServerResponse r = ctx.response().putHeader("Content-Type", type + "; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache").putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer");
            if (csp != null) {
                r.putHeader("Content-Security-Policy", csp).putHeader("X-Frame-Options", "DENY");
            }
            r.end(files.get(name));
        }
    }
}
