package com.tagline.station.sync;

import com.tagline.hardware.retry.Backoff;
import com.tagline.station.platform.PlatformException;
import com.tagline.station.platform.PlatformStatusException;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.StoreAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to the platform through its {@link OutcomeSink} (architecture §5: at-least-once,
 * idempotent; platform-api §1.2, §2.2). The one sync skeleton of every platform.
 *
 * <p>Each {@link #runOnce} pass first settles rows whose earlier send got no answer (the sink says which
 * the platform shows applied; the rest are sent again, which the contracts make safe), then sends one
 * batch of due rows, in calls of {@link OutcomeSink#rowsPerCall}. A row is confirmed only when the
 * platform applied it (now or before) or there is nothing to send; {@code conflict} and {@code rejected}
 * quarantine it with an alarm. No answer leaves the call's rows {@code sent} for the next settle.
 * An HTTP status: 400/422 (the document) halve the batch until the bad row is alone, then quarantine it,
 * so one bad record never blocks the queue; 401/403 raise {@link Alarm#AUTH_REFUSED}, read the token
 * again and retry after the backoff (a corrected token file is used without a restart); any other
 * status puts the rows back with backoff, never before {@code Retry-After}.
 *
 * <p>Time: the schedule (backoff, {@code Retry-After}, when the next pass is due) runs on the {@code elapsed} clock,
 * which never steps, and the instants {@link #runOnce} returns are of that clock; a row's stored due time is wall
 * time, because it outlives the process, and is moved with the wall clock when the wall clock steps
 * ({@link SyncSchedule#followWallClock()}).
 *
 * <p>Threading: one thread (the platform thread, or the simulation loop), but {@link #stats()} and
 * {@link #reloadCredentials()} may be called from any thread.
 */
public final class OutboxSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxSync.class);

    private final StoreAccess store;
    private final OutcomeSink sink;
    private final SyncPolicy policy;
    private final SyncSchedule schedule;
    private final Clock wall;
    private final Clock elapsed;
    private final Alarms alarms;
    private final SyncStats stats = new SyncStats();
    private volatile boolean retryNow;
    private boolean tokenRefused;
    /** Calls of the current pass the platform answered; a pass that got some is not a failure in a row. */
    private int answersThisPass;
    private int batchSize;

    /** On one clock that never steps (a simulation's virtual time, a test's). */
    public OutboxSync(StoreAccess store, OutcomeSink sink, SyncPolicy policy, Backoff backoff, Clock clock,
                      Alarms alarms) {
        this(store, sink, policy, backoff, clock, clock, alarms);
    }

    /**
     * @param wall    the clock of the rows' stored due times (the store's clock)
     * @param elapsed the clock of the schedule, which never steps; {@link #runOnce} answers in it
     */
    public OutboxSync(StoreAccess store, OutcomeSink sink, SyncPolicy policy, Backoff backoff, Clock wall,
                      Clock elapsed, Alarms alarms) {
        this.store = store;
        this.sink = sink;
        this.policy = policy;
        this.schedule = new SyncSchedule(store, policy, backoff, wall, elapsed);
        this.wall = wall;
        this.elapsed = elapsed;
        this.alarms = alarms;
        this.batchSize = policy.batchSize();
    }

    public SyncStats stats() {
        return stats;
    }

    /**
     * One pass: settle what is in doubt, then send at most one batch.
     *
     * @return when the next pass is due (now, when more reports wait), on the {@code elapsed} clock
     */
    public Instant runOnce() {
        schedule.followWallClock();
        Instant now = elapsed.instant();
        if (retryNow) {
            retryNow = false;
            schedule.block(Duration.ZERO);
        }
        if (schedule.blocked(now)) {
            return schedule.blockedUntil();
        }
        if (tokenRefused) {
            // read the token again before trying: an operator may have replaced it since the refusal
            tokenRefused = false;
            reloadQuietly();
        }
        List<OutboxEntry> call = List.of();
        answersThisPass = 0;
        try {
            if (settle()) {
                answered();
            }
            List<OutboxEntry> batch = store.call(s -> s.outbox().pending(batchSize));
            if (batch.isEmpty()) {
                return schedule.nextIdle(now);
            }
            int perCall = Math.max(1, sink.rowsPerCall(batch.size()));
            for (int from = 0; from < batch.size(); from += perCall) {
                call = batch.subList(from, Math.min(batch.size(), from + perCall));
                send(call);
            }
            batchSize = Math.min(policy.batchSize(), batchSize * 2);
            answered();
            return batch.size() == batchSize ? elapsed.instant() : schedule.nextIdle(elapsed.instant());
        } catch (PlatformStatusException e) {
            return refused(call, e);
        } catch (PlatformException e) {
            return unreachable(e);
        }
    }

    /** True when nothing is pending or in doubt (quarantined rows wait for an operator). */
    public boolean drained() {
        return schedule.drained();
    }

    /**
     * Reads the API token again (an operator replaced it after a 401) and lets the next pass call the
     * platform at once. Any thread.
     *
     * @return whether the token changed
     */
    public boolean reloadCredentials() {
        boolean changed = sink.credential().reload();
        retryNow = true;
        return changed;
    }

    @Override
    public void close() {
        sink.close();
    }

    /**
     * Settles the rows in doubt one at a time, keeping each answer as it comes: under a storm (platform-api §1.4)
     * a call in three may fail, and a failure must cost only the row it hit, not the answers before it in the
     * same pass (asked all at once, a hundred rows in doubt would need a hundred good answers in a row, and the
     * outbox would never drain). A failure ends the pass after what was learnt is committed.
     *
     * @return whether the platform answered (it is reachable and takes our token)
     */
    private boolean settle() {
        List<OutboxEntry> inDoubt = store.call(s -> s.outbox().sent(policy.batchSize()));
        List<Long> applied = new ArrayList<>();
        List<Long> resend = new ArrayList<>();
        boolean asked = false;
        try {
            for (OutboxEntry e : inDoubt) {
                OutcomeSink.InDoubt found = sink.settle(List.of(e));
                asked |= found.asked();
                if (found.asked()) {
                    answersThisPass++; // a settle that asked nothing (ixkio's) is no sign of the platform
                }
                (found.applied().contains(e.outboxId()) ? applied : resend).add(e.outboxId());
            }
        } finally {
            settled(applied, resend);
        }
        return asked;
    }

    private void settled(List<Long> applied, List<Long> resend) {
        if (!applied.isEmpty()) {
            store.run(s -> s.outbox().markConfirmed(applied));
            stats.reconciled.addAndGet(applied.size());
        }
        if (!resend.isEmpty()) {
            store.run(s -> s.outbox().retryLater(resend, "no answer to an earlier send; sending again",
                    wall.instant()));
        }
    }

    private void send(List<OutboxEntry> rows) {
        List<Long> ids = rows.stream().map(OutboxEntry::outboxId).toList();
        store.run(s -> s.outbox().markSent(ids));
        stats.batches.incrementAndGet();
        List<Delivery> results = sink.deliver(rows);
        answersThisPass++;
        if (results.size() != rows.size()) {
            throw new IllegalStateException(sink.platform() + " sink answered " + results.size() + " results for "
                    + rows.size() + " rows");
        }
        List<Long> confirmed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            OutboxEntry e = rows.get(i);
            Delivery d = results.get(i);
            switch (d.kind()) {
                case APPLIED -> count(stats.accepted, confirmed, e);
                case DUPLICATE -> count(stats.duplicates, confirmed, e);
                case LOCAL -> {
                    store.run(s -> s.outbox().confirmLocally(e.outboxId(), d.detail()));
                    stats.reportedLocally.incrementAndGet();
                    log.info("event=outcome_reported_locally tag={} uid={} reason={}", e.tagId(), e.chipUid(),
                            e.reason());
                }
                case CONFLICT -> quarantine(e, Alarm.CONFLICT, stats.conflicts, "conflict: tag " + e.tagId()
                        + " or chip " + e.chipUid() + " is already bound elsewhere on the platform");
                case REJECTED -> quarantine(e, Alarm.REPORT_REJECTED, stats.rejected, "rejected by "
                        + sink.platform() + ": " + d.detail());
            }
        }
        if (!confirmed.isEmpty()) {
            store.run(s -> s.outbox().markConfirmed(confirmed));
        }
    }

    private static void count(AtomicLong counter, List<Long> confirmed, OutboxEntry e) {
        counter.incrementAndGet();
        confirmed.add(e.outboxId());
    }

    /**
     * The platform answered with our token: it is reachable, so the backoff starts afresh and
     * OFFLINE/AUTH_REFUSED clear, also when every in-doubt report was settled and nothing was left to send.
     */
    private void answered() {
        schedule.succeeded();
        alarms.clear(Alarm.OFFLINE);
        alarms.clear(Alarm.AUTH_REFUSED);
    }

    /**
     * A pass ended on a failure. Its backoff grows only over passes the platform answered nothing of: under a
     * storm that fails one call in three (platform-api §1.4) most passes get answers before their failure, and
     * counting them as failures in a row would hold the outbox at the longest delay while the platform works.
     * A refusal's {@code Retry-After} is honoured either way.
     */
    private void failedPass() {
        if (answersThisPass > 0) {
            schedule.succeeded();
        }
        schedule.failed();
    }

    private void quarantine(OutboxEntry e, Alarm alarm, AtomicLong counter, String why) {
        counter.incrementAndGet();
        store.run(s -> s.outbox().quarantine(e.outboxId(), why));
        alarms.raise(alarm, "outcome of tag " + e.tagId() + " kept for an operator: " + why);
        log.error("event=report_quarantined tag={} uid={} why=\"{}\"", e.tagId(), e.chipUid(), why);
    }

    /** No answer: the call's rows stay {@code sent} and are settled on the next pass. */
    private Instant unreachable(PlatformException e) {
        stats.ambiguous.incrementAndGet();
        failedPass();
        alarms.raise(Alarm.OFFLINE, sink.platform() + " unreachable, outcomes buffered on disk: " + e.getMessage());
        return schedule.block(schedule.backoff());
    }

    /** An HTTP error status: nothing of the call was applied. */
    private Instant refused(List<OutboxEntry> call, PlatformStatusException e) {
        stats.refused.incrementAndGet();
        failedPass();
        if (e.status() == 400 || e.status() == 422) {
            // The contracts' answers to a document they cannot take (platform-api §1.1/§1.2): find the bad
            // report. Any other status (404 from a wrong base URL, 408, 413 from a proxy) says nothing about
            // a report, so the rows wait with backoff instead of being quarantined one by one.
            return isolate(call, e);
        }
        Duration delay = schedule.backoff(e.retryAfter().orElse(null));
        List<Long> ids = call.stream().map(OutboxEntry::outboxId).toList();
        if (e.status() == 401 || e.status() == 403) {
            alarms.raise(Alarm.AUTH_REFUSED, sink.platform() + " refused the API token; outcomes kept on disk,"
                    + " retried with the token read again: " + e.getMessage());
            tokenRefused = true;
            // due at once: only the schedule holds them back, so a reloaded token sends them without waiting
            if (!ids.isEmpty()) {
                store.run(s -> s.outbox().retryLater(ids, e.getMessage(), wall.instant()));
            }
            return schedule.block(delay);
        } else {
            alarms.raise(Alarm.OFFLINE, sink.platform() + " refusing reports, outcomes buffered on disk: "
                    + e.getMessage());
        }
        if (!ids.isEmpty()) {
            store.run(s -> s.outbox().retryLater(ids, e.getMessage(), wall.instant().plus(delay)));
        }
        return schedule.block(delay);
    }

    private void reloadQuietly() {
        try {
            sink.credential().reload();
        } catch (RuntimeException ex) {
            log.warn("event=credential_reload_failed platform={} error=\"{}\"", sink.platform(), ex.getMessage());
        }
    }

    /** A 400/422 on a call: halve the batch until the bad report is alone, then quarantine that report. */
    private Instant isolate(List<OutboxEntry> call, PlatformStatusException e) {
        if (call.size() == 1) {
            quarantine(call.get(0), Alarm.REPORT_REJECTED, stats.rejected, e.getMessage());
            return elapsed.instant();
        }
        batchSize = Math.max(1, call.size() / 2);
        List<Long> ids = call.stream().map(OutboxEntry::outboxId).toList();
        store.run(s -> s.outbox().retryLater(ids, e.getMessage(), wall.instant()));
        log.warn("event=report_batch_refused platform={} status={} next_batch_size={}", sink.platform(), e.status(),
                batchSize);
        return elapsed.instant();
    }
}
