package com.tagline.station.sync;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the outbox sync since start; thread-safe, read by the summary and the operator page. */
public final class SyncStats {
    final AtomicLong batches = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong ambiguous = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong reconciled = new AtomicLong();
    final AtomicLong reportedLocally = new AtomicLong();

    /** Reports the platform answered accepted (ixkio: updates applied). */
    public long accepted() {
        return accepted.get();
    }

    /** Reports answered duplicate: applied before (a re-send after an ambiguous call). */
    public long duplicates() {
        return duplicates.get();
    }

    public long conflicts() {
        return conflicts.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /** Batches whose answer never came (timeout, reset, closed connection, malformed answer). */
    public long ambiguousBatches() {
        return ambiguous.get();
    }

    /** Batches refused with an HTTP error status (429, 5xx, 4xx): not applied. */
    public long refusedBatches() {
        return refused.get();
    }

    /** Ambiguously sent reports confirmed by reading the tag back instead of sending again. */
    public long reconciled() {
        return reconciled.get();
    }

    /** Outcomes closed without a platform call (ixkio failed outcomes: reported locally only). */
    public long reportedLocally() {
        return reportedLocally.get();
    }

    public long batches() {
        return batches.get();
    }
}
