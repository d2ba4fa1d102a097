package com.tagline.station.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code /api/status}: one JSON object with everything the page shows, built from a
 * {@link StationSnapshot} and the console's {@link ChipTally.Counts}. Times are ISO 8601 UTC on the
 * station's clock; ages are seconds. Never a key or a token: the snapshot holds none.
 */
final class StatusDocument {
    private StatusDocument() {
    }

    static JsonObject of(StationSnapshot s, ChipTally.Counts c, OptionalLong targetPerHour) {
        Banner banner = Banner.of(s);
        return new JsonObject()
                .put("station", s.station()).put("mode", s.mode()).put("now", s.now().toString())
                .put("banner", new JsonObject().put("state", banner.state()).put("text", banner.text())
                        .put("detail", banner.detail()).put("severity", banner.severity()))
                .put("line", line(s.line()))
                .put("counters", new JsonObject().put("since", c.since().toString()).put("good", c.good())
                        .put("failed", c.failed()).put("attempted", c.attempted())
                        .put("first_pass_yield", c.firstPassYield().orElse(null)))
                .put("rate", rate(c, targetPerHour))
                .put("work", work(s.workOnHand(), c.perHour()))
                .put("failures", pareto(c))
                .put("last_chips", lastChips(c))
                .put("sync", sync(s, c))
                .put("health", health(s, c))
                .put("alarms", alarms(s));
    }

    private static JsonObject line(StationSnapshot.Line l) {
        return new JsonObject().put("state", l.state().name()).put("fault", l.fault().orElse(null))
                .put("operator_paused", l.operatorPaused())
                .put("stack_light", new JsonObject().put("green", l.light().green()).put("amber", l.light().amber())
                        .put("red", l.light().red()).put("buzzer", l.light().buzzer()));
    }

    private static JsonObject rate(ChipTally.Counts c, OptionalLong target) {
        JsonArray trend = new JsonArray();
        for (long v : c.trend()) {
            trend.add(v);
        }
        return new JsonObject().put("per_hour", c.perHour()).put("window_s", RateWindow.RATE_WINDOW.toSeconds())
                .put("target_per_hour", target.isPresent() ? target.getAsLong() : null).put("trend_per_hour", trend);
    }

    private static JsonObject work(Map<String, Integer> onHand, long perHour) {
        JsonObject byProtocol = new JsonObject();
        int total = 0;
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(onHand).entrySet()) {
            byProtocol.put(e.getKey(), e.getValue());
            total += e.getValue();
        }
        // ETA: what is on hand at the current rate (hmi.md §1: remaining over the rate).
        Long eta = perHour > 0 ? Math.round(total * 3600.0 / perHour) : null;
        return new JsonObject().put("on_hand", byProtocol).put("total", total).put("eta_s", eta);
    }

    private static JsonArray pareto(ChipTally.Counts c) {
        JsonArray out = new JsonArray();
        c.pareto().forEach(e -> out.add(new JsonObject().put("reason", e.getKey()).put("count", e.getValue())));
        return out;
    }

    private static JsonArray lastChips(ChipTally.Counts c) {
        JsonArray out = new JsonArray();
        for (ChipEvent e : c.lastChips()) {
            out.add(new JsonObject().put("at", e.at().toString()).put("tag_id", e.tagId().orElse(null))
                    .put("uid", e.uid().orElse(null)).put("protocol", e.protocol()).put("outcome", e.outcome())
                    .put("reason", e.reason()).put("duration_ms", e.duration().toMillis()));
        }
        return out;
    }

    private static JsonObject sync(StationSnapshot s, ChipTally.Counts c) {
        JsonObject requests = new JsonObject();
        c.sync().forEach((r, n) -> requests.put(r.label(), n));
        return new JsonObject().put("outbox_pending", s.backlog().unsent()).put("in_doubt", s.backlog().sent())
                .put("oldest_pending_at", iso(s.backlog().oldestQueuedAt()))
                .put("oldest_pending_s", age(s.backlog().oldestQueuedAt(), s.now()))
                .put("last_success_at", iso(c.lastSyncAt())).put("quarantined", s.backlog().quarantined())
                .put("results", requests);
    }

    private static JsonObject health(StationSnapshot s, ChipTally.Counts c) {
        StationSnapshot.Health h = s.health();
        return new JsonObject().put("store_open", h.storeOpen())
                .put("reader", new JsonObject().put("connected", h.readerConnected()).put("firmware", h.readerFirmware()))
                .put("disk_free_bytes", h.diskFreeBytes() < 0 ? null : h.diskFreeBytes())
                .put("min_free_bytes", h.minFreeBytes()).put("disk_low", h.diskFreeBytes() >= 0
                        && h.diskFreeBytes() < h.minFreeBytes())
                .put("db_bytes", h.dbBytes()).put("last_chip_at", iso(c.lastChipAt()))
                .put("since_last_chip_s", age(c.lastChipAt(), s.now())).put("key_set_version", h.keySetVersion());
    }

    private static JsonArray alarms(StationSnapshot s) {
        JsonArray out = new JsonArray();
        s.alarms().forEach(a -> out.add(new JsonObject().put("code", a.alarm().name()).put("message", a.message())
                .put("since", a.since() == null ? null : a.since().toString()).put("acknowledged", a.acknowledged())
                .put("latched", a.alarm().needsOperator())));
        return out;
    }

    private static String iso(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }

    private static Long age(Optional<Instant> t, Instant now) {
        return t.map(v -> Math.max(0, Duration.between(v, now).toSeconds())).orElse(null);
    }
}
