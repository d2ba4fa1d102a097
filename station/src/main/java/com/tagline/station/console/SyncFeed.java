package com.tagline.station.console;

import com.tagline.station.sync.SyncStats;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Feeds a sink's {@link SyncStats} to the console as {@link ConsoleEvents#sync} events: each
 * {@link #poll} reports what the counters gained since the last one. Requests the platform answered are
 * the batches sent less those refused or left without an answer. One poller at a time.
 */
public final class SyncFeed {
    private final SyncStats stats;
    private final ConsoleEvents events;
    private final Map<SyncResult, Long> seen = new EnumMap<>(SyncResult.class);

    public SyncFeed(SyncStats stats, ConsoleEvents events) {
        this.stats = stats;
        this.events = events;
    }

    public synchronized void poll(Instant at) {
        long refused = delta(SyncResult.REFUSED, stats.refusedBatches());
        long unreachable = delta(SyncResult.UNREACHABLE, stats.ambiguousBatches());
        long batches = stats.batches() - seen.getOrDefault(SyncResult.ANSWERED, 0L);
        seen.put(SyncResult.ANSWERED, stats.batches());
        report(SyncResult.REFUSED, refused, at);
        report(SyncResult.UNREACHABLE, unreachable, at);
        report(SyncResult.ANSWERED, Math.max(0, batches - refused - unreachable), at);
        report(SyncResult.ACCEPTED, delta(SyncResult.ACCEPTED, stats.accepted()), at);
        report(SyncResult.DUPLICATE, delta(SyncResult.DUPLICATE, stats.duplicates()), at);
        report(SyncResult.CONFLICT, delta(SyncResult.CONFLICT, stats.conflicts()), at);
        report(SyncResult.REJECTED, delta(SyncResult.REJECTED, stats.rejected()), at);
        report(SyncResult.RECONCILED, delta(SyncResult.RECONCILED, stats.reconciled()), at);
        report(SyncResult.LOCAL, delta(SyncResult.LOCAL, stats.reportedLocally()), at);
    }

    private long delta(SyncResult r, long now) {
        long before = seen.getOrDefault(r, 0L);
        seen.put(r, now);
        return now - before;
    }

    private void report(SyncResult r, long n, Instant at) {
        if (n > 0) {
            events.sync(r, n, at);
        }
    }
}
