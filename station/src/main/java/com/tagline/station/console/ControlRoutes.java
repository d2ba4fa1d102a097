package com.tagline.station.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's controls, {@code POST} only, each behind {@link ControlGuard} (issue 14; the paths are
 * a contract). The command runs on a worker thread, one at a time, never on the event loop; its
 * {@link ControlResult} becomes the HTTP status and {@code {"ok":..., "message":...}}. Every use is
 * logged with its result and the caller's address, never the token.
 */
final class ControlRoutes {
    private static final Logger log = LoggerFactory.getLogger(ControlRoutes.class);
    /** A control's body is a reason and a few ids; anything bigger is not one. */
    static final int BODY_LIMIT = 8 * 1024;
    static final int REASON_LIMIT = 500;

    private final Vertx vertx;
    private final StationControls controls;
    private final ControlGuard guard;

    ControlRoutes(Vertx vertx, StationControls controls, ControlGuard guard) {
        this.vertx = vertx;
        this.controls = controls;
        this.guard = guard;
    }

    void mount(Router router) {
        router.post("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.post("/api/*").handler(this::authorize);
        router.post("/api/line/reset").handler(ctx -> run(ctx, "reset", controls::reset));
        router.post("/api/line/pause").handler(ctx -> run(ctx, "pause", controls::pause));
        router.post("/api/line/resume").handler(ctx -> run(ctx, "resume", controls::resume));
        router.post("/api/alarms/:code/ack").handler(ctx -> {
            String code = ctx.pathParam("code");
            run(ctx, "ack_alarm", () -> controls.acknowledgeAlarm(code));
        });
        router.post("/api/outbox/requeue").handler(this::requeue);
        router.post("/api/platform/reload-credentials").handler(ctx -> run(ctx, "reload_credentials",
                controls::reloadCredentials));
        router.post("/api/chips/:uid/scrap").handler(ctx -> {
            ChipUid uid;
            try {
                uid = ChipUid.parse(ctx.pathParam("uid"));
            } catch (IllegalArgumentException e) {
                answer(ctx, 400, false, e.getMessage());
                return;
            }
            run(ctx, "scrap_chip", () -> controls.scrapChip(uid.hex()));
        });
    }

    private void authorize(RoutingContext ctx) {
        guard.check(ctx.request()).ifPresentOrElse(r -> {
            log.warn("event=operator_control_refused path={} status={} remote={}", ctx.request().path(), r.status(),
                    remote(ctx));
            if (r.status() == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tagline console\"");
            }
            answer(ctx, r.status(), false, r.message());
        }, ctx::next);
    }

    private void requeue(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            answer(ctx, 400, false, "the body must be a JSON object {\"reason\": \"...\", \"ids\": [...]}");
            return;
        }
        String reason = body.getValue("reason") instanceof String s ? s.strip() : "";
        if (reason.isEmpty() || reason.length() > REASON_LIMIT) {
            answer(ctx, 400, false, "give the operator's reason (1.." + REASON_LIMIT + " characters) as \"reason\"");
            return;
        }
        List<Long> ids = new ArrayList<>();
        Object raw = body.getValue("ids");
        if (raw != null) {
            // a row number is a whole number from 1: 1.5 or 1e300 must not become row 1 or Long.MAX_VALUE
            if (!(raw instanceof JsonArray a) || !a.stream().allMatch(v -> (v instanceof Integer || v instanceof Long)
                    && ((Number) v).longValue() > 0)) {
                answer(ctx, 400, false, "\"ids\" must be a list of outbox row numbers (whole numbers from 1)");
                return;
            }
            a.forEach(v -> ids.add(((Number) v).longValue()));
        }
        run(ctx, "requeue", () -> controls.requeueQuarantined(ids, reason));
    }

    private void run(RoutingContext ctx, String action, Callable<ControlResult> command) {
        vertx.executeBlocking(command, true).onComplete(ar -> {
            ControlResult r = ar.succeeded() ? ar.result()
                    : ControlResult.refused(action + " failed: " + ar.cause().getMessage());
            log.info("event=operator_control action={} result={} remote={} message=\"{}\"", action,
                    r.status().name().toLowerCase(java.util.Locale.ROOT), remote(ctx), r.message());
            answer(ctx, r.status().http(), r.status() == ControlResult.Status.DONE, r.message());
        });
    }

    static void answer(RoutingContext ctx, int status, boolean ok, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("ok", ok).put("message", message).encode());
    }

    private static String remote(RoutingContext ctx) {
        var a = ctx.request().remoteAddress();
        return a == null ? "-" : a.hostAddress();
    }
}
