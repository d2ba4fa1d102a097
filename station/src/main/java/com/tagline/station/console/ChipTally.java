package com.tagline.station.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's counters, fed by {@link ConsoleEvents}: chips by protocol, outcome and reason, the
 * encode-time histogram and sync results live in the Micrometer registry that {@code /metrics} scrapes,
 * and the page's shift counters are sums over those same counters, so the two never disagree (issue 14).
 * Beside them: the rolling rate, the last 20 chips and the time of the last successful sync.
 *
 * <p>Thread-safe: the reader or simulation thread writes, the event loop reads.
 */
final class ChipTally implements ConsoleEvents {
    static final int LAST_CHIPS = 20;
    /** Encode-time buckets, seconds: a chip takes 0.1–0.5 s; slow or stuck ones stand out. */
    private static final Duration[] ENCODE_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofMillis(750),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final Timer encodeTime;
    private final Map<List<String>, Counter> chips = new ConcurrentHashMap<>();
    private final Map<SyncResult, Counter> sync = new EnumMap<>(SyncResult.class);
    private final RateWindow rate = new RateWindow();
    private final ArrayDeque<ChipEvent> last = new ArrayDeque<>(LAST_CHIPS);
    private final Instant since;
    private long firstPass;
    private Instant lastChipAt;
    private Instant lastSyncAt;

    ChipTally(MeterRegistry registry, Instant since) {
        this.registry = registry;
        this.since = since;
        this.encodeTime = Timer.builder("tagline.encode").description("Host time to encode one chip")
                .serviceLevelObjectives(ENCODE_BUCKETS).register(registry);
        for (SyncResult r : SyncResult.values()) {
            sync.put(r, Counter.builder(r.request() ? "tagline.sync.requests" : "tagline.sync.reports")
                    .description(r.request() ? "Sync requests to the platform by result"
                            : "Outcome reports by the platform's answer")
                    .tag("result", r.label()).register(registry));
        }
    }

    @Override
    public void chip(ChipEvent e) {
        counter(e.protocol(), e.outcome(), e.reason()).increment();
        encodeTime.record(e.duration());
        synchronized (this) {
            if (e.configured()) {
                rate.add(e.at());
                if (!e.resumed()) {
                    firstPass++;
                }
            }
            if (last.size() == LAST_CHIPS) {
                last.removeFirst();
            }
            last.addLast(e);
            lastChipAt = e.at();
        }
    }

    @Override
    public void sync(SyncResult result, long count, Instant at) {
        if (count <= 0) {
            return;
        }
        sync.get(result).increment(count);
        if (result.success()) {
            synchronized (this) {
                lastSyncAt = at;
            }
        }
    }

    private Counter counter(String protocol, String outcome, String reason) {
        return chips.computeIfAbsent(List.of(protocol, outcome, reason), k -> Counter.builder("tagline.chips")
                .description("Chips that left the antenna, by protocol, outcome and reason")
                .tag("protocol", protocol).tag("outcome", outcome).tag("reason", reason).register(registry));
    }

    /** The shift counters and everything else the page shows of the chips, at {@code now}. */
    synchronized Counts counts(Instant now) {
        long good = 0;
        long attempted = 0;
        Map<String, Long> byReason = new java.util.HashMap<>();
        for (Map.Entry<List<String>, Counter> c : chips.entrySet()) {
            long n = (long) c.getValue().count();
            attempted += n;
            if ("configured".equals(c.getKey().get(1))) {
                good += n;
            } else {
                byReason.merge(c.getKey().get(2), n, Long::sum);
            }
        }
        List<Map.Entry<String, Long>> pareto = new ArrayList<>(byReason.entrySet());
        pareto.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<SyncResult, Long> syncs = new EnumMap<>(SyncResult.class);
        sync.forEach((r, c) -> syncs.put(r, (long) c.count()));
        List<ChipEvent> recent = new ArrayList<>(last);
        java.util.Collections.reverse(recent);
        return new Counts(since, good, attempted - good, attempted, firstPass, rate.perHour(now, since), rate.trend(now),
                pareto, recent, Optional.ofNullable(lastChipAt), Optional.ofNullable(lastSyncAt), syncs);
    }

    /**
     * @param firstPass good chips that needed no resume
     * @param pareto    failures by reason, most frequent first
     * @param lastChips the newest first
     */
    record Counts(Instant since, long good, long failed, long attempted, long firstPass, long perHour, long[] trend,
                  List<Map.Entry<String, Long>> pareto, List<ChipEvent> lastChips, Optional<Instant> lastChipAt,
                  Optional<Instant> lastSyncAt, Map<SyncResult, Long> sync) {
        /** First-pass yield: chips good at the first pass over chips attempted; empty before the first chip. */
        Optional<Double> firstPassYield() {
            return attempted == 0 ? Optional.empty() : Optional.of((double) firstPass / attempted);
        }
    }
}
