package com.tagline.station.sync;

import com.tagline.station.platform.PlatformException;
import com.tagline.station.platform.PlatformStatusException;
import com.tagline.station.platform.tagbase.OutcomeReport;
import com.tagline.station.platform.tagbase.ReportResult;
import com.tagline.station.platform.tagbase.TagState;
import com.tagline.station.platform.tagbase.TagbasePlatform;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.StoreAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to tagbase (architecture §5: at-least-once, idempotent; platform-api §1.2).
 *
 * <p>Each {@link #runOnce} pass first reconciles rows whose earlier send got no answer (a configured
 * report whose tag reads back {@code configured} with our {@code configured_at} was applied; anything
 * else is sent again, which the contract's {@code duplicate} makes safe), then sends one batch of due
 * rows. A row is confirmed only on {@code accepted} or {@code duplicate}; {@code conflict} and
 * {@code rejected} quarantine it and raise an alarm. No answer leaves the batch {@code sent} for
 * reconciliation; 429/5xx put it back with backoff, never before {@code Retry-After}. A 4xx on a
 * batch halves the batch until the offending report is alone, which is then quarantined, so one bad
 * record never blocks the queue.
 *
 * <p>Threading: call from one thread (the sync thread, or the simulation loop); the store is reached
 * through {@link StoreAccess}.
 */
public final class OutboxSync {
    private static final Logger log = LoggerFactory.getLogger(OutboxSync.class);

    private final StoreAccess store;
    private final TagbasePlatform platform;
    private final SyncPolicy policy;
    private final SyncSchedule schedule;
    private final Clock clock;
    private final Alarms alarms;
    private final SyncStats stats = new SyncStats();
    private int batchSize;
    private volatile boolean credentialsRenewed;

    public OutboxSync(StoreAccess store, TagbasePlatform platform, SyncPolicy policy, Backoff backoff, Clock clock,
                      Alarms alarms) {
        this.store = store;
        this.platform = platform;
        this.policy = policy;
        this.schedule = new SyncSchedule(store, policy, backoff, clock);
        this.clock = clock;
        this.alarms = alarms;
        this.batchSize = policy.batchSize();
    }

    public SyncStats stats() {
        return stats;
    }

    /**
     * The platform token was reloaded (after a 401/403, issue 14): the next pass sends at once instead
     * of waiting out the backoff. Any thread; the pass itself stays on the sink's thread.
     */
    public void credentialsRenewed() {
        credentialsRenewed = true;
    }

    /**
     * One pass: reconcile, then send at most one batch.
     *
     * @return when the next pass is due (now, when more reports wait)
     */
    public Instant runOnce() {
        Instant now = clock.instant();
        if (credentialsRenewed) {
            credentialsRenewed = false;
            schedule.unblock();
        }
        if (schedule.blocked(now)) {
            return schedule.blockedUntil();
        }
        try {
            if (reconcile()) {
                answered();
            }
            List<OutboxEntry> batch = store.call(s -> s.outbox().pending(batchSize));
            if (batch.isEmpty()) {
                return schedule.nextIdle(now);
            }
            send(batch);
            return batch.size() == batchSize ? clock.instant() : schedule.nextIdle(clock.instant());
        } catch (PlatformStatusException e) {
            return refused(e);
        } catch (PlatformException e) {
            return unreachable(e);
        }
    }

    /** True when nothing is pending or in doubt (quarantined rows wait for an operator). */
    public boolean drained() {
        return schedule.drained();
    }

    /** @return whether the platform answered a lookup (it is reachable and takes our key) */
    private boolean reconcile() {
        List<OutboxEntry> inDoubt = store.call(s -> s.outbox().sent(policy.batchSize()));
        boolean lookedUp = false;
        List<Long> resend = new ArrayList<>();
        List<Long> applied = new ArrayList<>();
        for (OutboxEntry e : inDoubt) {
            boolean configured = e.outcome() == Outcome.CONFIGURED;
            lookedUp |= configured;
            if (configured && appliedBefore(e)) {
                applied.add(e.outboxId());
            } else {
                resend.add(e.outboxId());
            }
        }
        if (!applied.isEmpty()) {
            store.run(s -> s.outbox().markConfirmed(applied));
            stats.reconciled.addAndGet(applied.size());
        }
        if (!resend.isEmpty()) {
            store.run(s -> s.outbox().retryLater(resend, "no answer to an earlier send; sending again", clock.instant()));
        }
        return lookedUp;
    }

    /** The tag reads back configured at exactly our configured_at: our report was applied. */
    private boolean appliedBefore(OutboxEntry e) {
        Optional<TagState> tag = platform.tag(e.tagId());
        String ours = Reports.timestamp(e.occurredAt());
        return tag.isPresent() && tag.get().configured() && tag.get().configuredAt().map(ours::equals).orElse(false);
    }

    private void send(List<OutboxEntry> batch) {
        List<Long> ids = batch.stream().map(OutboxEntry::outboxId).toList();
        List<OutcomeReport> reports = batch.stream().map(Reports::of).toList();
        store.run(s -> s.outbox().markSent(ids));
        stats.batches.incrementAndGet();
        List<ReportResult> results = platform.report(reports);
        apply(batch, results);
        batchSize = Math.min(policy.batchSize(), batchSize * 2);
        answered();
    }

    /**
     * The platform answered with our key (a report batch, or the tag lookups of a reconciliation,
     * platform-api §1.1/§1.2): it is reachable, so the backoff starts afresh and OFFLINE/AUTH_REFUSED
     * clear, also when every in-doubt report was confirmed by lookup and nothing was left to send.
     */
    private void answered() {
        schedule.succeeded();
        alarms.clear(Alarm.OFFLINE);
        alarms.clear(Alarm.AUTH_REFUSED);
    }

    private void apply(List<OutboxEntry> batch, List<ReportResult> results) {
        List<Long> confirmed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            OutboxEntry e = batch.get(i);
            ReportResult r = results.get(i);
            switch (r.kind()) {
                case ACCEPTED -> {
                    stats.accepted.incrementAndGet();
                    confirmed.add(e.outboxId());
                }
                case DUPLICATE -> {
                    stats.duplicates.incrementAndGet();
                    confirmed.add(e.outboxId());
                }
                case CONFLICT -> quarantine(e, Alarm.CONFLICT, stats.conflicts, "conflict: tag " + e.tagId()
                        + " or chip " + e.chipUid() + " is already bound elsewhere on the platform");
                case REJECTED -> quarantine(e, Alarm.REPORT_REJECTED, stats.rejected, "rejected: " + r.detail());
            }
        }
        if (!confirmed.isEmpty()) {
            store.run(s -> s.outbox().markConfirmed(confirmed));
        }
    }

    private void quarantine(OutboxEntry e, Alarm alarm, java.util.concurrent.atomic.AtomicLong counter,
                            String why) {
        counter.incrementAndGet();
        store.run(s -> s.outbox().quarantine(e.outboxId(), why));
        alarms.raise(alarm, "outcome of tag " + e.tagId() + " kept for an operator: " + why);
        log.error("event=report_quarantined tag={} uid={} why=\"{}\"", e.tagId(), e.chipUid(), why);
    }

    /** No answer: the batch stays {@code sent} and is reconciled on the next pass. */
    private Instant unreachable(PlatformException e) {
        stats.ambiguous.incrementAndGet();
        schedule.failed();
        alarms.raise(Alarm.OFFLINE, "platform unreachable, outcomes buffered on disk: " + e.getMessage());
        return schedule.block(schedule.backoff());
    }

    /** An HTTP error status: nothing was applied; put the batch back. */
    private Instant refused(PlatformStatusException e) {
        stats.refused.incrementAndGet();
        schedule.failed();
        List<OutboxEntry> batch = store.call(s -> s.outbox().sent(policy.batchSize()));
        List<Long> ids = batch.stream().map(OutboxEntry::outboxId).toList();
        if (e.status() == 401 || e.status() == 403) {
            alarms.raise(Alarm.AUTH_REFUSED, e.getMessage());
        } else if (e.status() == 400 || e.status() == 422) {
            // The contract's answers to a report document it cannot take (platform-api §1.1/§1.2): find the
            // bad report. Any other status (404 from a wrong api_base, 408, 413 from a proxy) says nothing
            // about a report, so the batch waits with backoff instead of being quarantined row by row.
            return isolate(batch, e);
        } else {
            alarms.raise(Alarm.OFFLINE, "platform refusing reports, outcomes buffered on disk: " + e.getMessage());
        }
        Duration delay = schedule.backoff(e.retryAfter().orElse(null));
        // A refused token says nothing about the rows: they stay due and the sink's schedule waits, so a
        // token reloaded by the operator (credentialsRenewed) sends them at once.
        boolean auth = e.status() == 401 || e.status() == 403;
        Instant due = auth ? clock.instant() : clock.instant().plus(delay);
        if (!ids.isEmpty()) {
            store.run(s -> s.outbox().retryLater(ids, e.getMessage(), due));
        }
        return schedule.block(delay);
    }

    /** A 4xx on the batch: halve it until the bad report is alone, then quarantine that report. */
    private Instant isolate(List<OutboxEntry> batch, PlatformStatusException e) {
        if (batch.size() == 1) {
            quarantine(batch.get(0), Alarm.REPORT_REJECTED, stats.rejected, e.getMessage());
            return clock.instant();
        }
        batchSize = Math.max(1, batch.size() / 2);
        List<Long> ids = batch.stream().map(OutboxEntry::outboxId).toList();
        store.run(s -> s.outbox().retryLater(ids, e.getMessage(), clock.instant()));
        log.warn("event=report_batch_refused status={} next_batch_size={}", e.status(), batchSize);
        return clock.instant();
    }
}
