package com.tagline.station.sync;

import com.tagline.station.ixkio.ManifestRow;
import com.tagline.station.platform.PlatformException;
import com.tagline.station.platform.PlatformStatusException;
import com.tagline.station.platform.ixkio.IxkioClient;
import com.tagline.station.platform.ixkio.TagCodeRef;
import com.tagline.station.platform.ixkio.UpdateResult;
import com.tagline.station.store.OutboxEntry;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.StoreAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to ixkio (platform-api §2.2, issue 7): for each configured outcome, PATCHes the tag
 * code by XUID with the imported manifest row's {@link ManifestRow#activation() activation}
 * ({@code ix_status=Active}, {@code ix_assigned=Assigned} and the row's optional fields).
 *
 * <ul>
 * <li>{@link UpdateResult.Applied} → confirmed.</li>
 * <li>{@link UpdateResult.Rejected} ({@code 200} with a message) → quarantined, never sent again, alarm
 *     {@link Alarm#REPORT_REJECTED} with the platform's message. A configured outcome without a manifest
 *     row (nothing to send) is quarantined the same way. Another 4xx is treated like a rejection.</li>
 * <li>{@code 401}/{@code 403} → the sink stops: no further call, rows kept pending, alarm
 *     {@link Alarm#AUTH_REFUSED}. It does not press a refused token; once the operator reloaded the
 *     token ({@link #credentialsRenewed()}) it sends them.</li>
 * <li>No answer (network error, malformed answer) → the row stays {@code sent} and goes out again after
 *     the backoff: the PATCH sets absolute values, so a repeat is harmless. {@code 429}/{@code 5xx} →
 *     pending again after the backoff, never before {@code Retry-After}; alarm {@link Alarm#OFFLINE}.</li>
 * <li>{@code failed} outcomes (attempts ran out) are reported locally only and the tag code left Inactive:
 *     the row is {@link com.tagline.station.store.Outbox#confirmLocally confirmed locally}, no call made.</li>
 * </ul>
 * Nothing is deleted. Due times and backoff are {@link SyncSchedule}'s, as for {@link OutboxSync}.
 *
 * <p>Threading: call from one thread (the sync thread, or the simulation loop); the store is reached
 * through {@link StoreAccess}. The token is in the client and never logged.
 */
public final class IxkioSync {
    private static final Logger log = LoggerFactory.getLogger(IxkioSync.class);
    /** last_error of a failed outcome closed locally. */
    public static final String REPORTED_LOCALLY = "failed outcome reported locally only; tag code left Inactive,"
            + " no ixkio call";

    private final StoreAccess store;
    private final IxkioClient client;
    private final SyncPolicy policy;
    private final SyncSchedule schedule;
    private final Clock clock;
    private final Alarms alarms;
    private final SyncStats stats = new SyncStats();
    private boolean stopped;
    private volatile boolean credentialsRenewed;

    public IxkioSync(StoreAccess store, IxkioClient client, SyncPolicy policy, Backoff backoff, Clock clock,
                     Alarms alarms) {
        this.store = store;
        this.client = client;
        this.policy = policy;
        this.schedule = new SyncSchedule(store, policy, backoff, clock);
        this.clock = clock;
        this.alarms = alarms;
    }

    public SyncStats stats() {
        return stats;
    }

    /**
     * The token was reloaded after ixkio refused it (issue 14): a sink {@link #stopped() stopped} by the
     * refusal starts again, and the next pass sends at once. Any thread; the pass stays on the sink's thread.
     */
    public void credentialsRenewed() {
        credentialsRenewed = true;
    }

    /** The platform refused the token: this sink makes no more calls until {@link #credentialsRenewed()}. */
    public boolean stopped() {
        return stopped;
    }

    /**
     * One pass: rows left in doubt go out again, then at most one batch of due rows, one PATCH each.
     *
     * @return when the next pass is due (now, when more rows wait); far in the future once stopped
     */
    public Instant runOnce() {
        Instant now = clock.instant();
        if (credentialsRenewed) {
            credentialsRenewed = false;
            stopped = false;
            schedule.unblock();
        }
        if (stopped) {
            return Instant.MAX;
        }
        if (schedule.blocked(now)) {
            return schedule.blockedUntil();
        }
        OutboxEntry current = null;
        try {
            requeueInDoubt();
            List<OutboxEntry> batch = store.call(s -> s.outbox().pending(policy.batchSize()));
            for (OutboxEntry e : batch) {
                current = e;
                send(e);
            }
            schedule.succeeded();
            alarms.clear(Alarm.OFFLINE);
            return batch.size() == policy.batchSize() ? clock.instant() : schedule.nextIdle(clock.instant());
        } catch (PlatformStatusException e) {
            return refused(current, e);
        } catch (PlatformException e) {
            return unreachable(e);
        }
    }

    /** True when nothing is pending or in doubt (quarantined rows wait for an operator). */
    public boolean drained() {
        return schedule.drained();
    }

    /** Rows whose PATCH got no answer: send them again (absolute values; a repeat changes nothing). */
    private void requeueInDoubt() {
        List<Long> ids = store.call(s -> s.outbox().sent(policy.batchSize())).stream()
                .map(OutboxEntry::outboxId).toList();
        if (!ids.isEmpty()) {
            store.run(s -> s.outbox().retryLater(ids, "no answer to an earlier PATCH; sending again", clock.instant()));
        }
    }

    private void send(OutboxEntry e) {
        if (e.outcome() == Outcome.FAILED) {
            store.run(s -> s.outbox().confirmLocally(e.outboxId(), REPORTED_LOCALLY));
            stats.reportedLocally.incrementAndGet();
            log.info("event=outcome_reported_locally tag={} uid={} reason={}", e.tagId(), e.chipUid(), e.reason());
            return;
        }
        Optional<ManifestRow> row = store.call(s -> s.manifestJobs().row(e.tagId()));
        if (row.isEmpty()) {
            quarantine(e, "no imported manifest row for tag " + e.tagId() + "; nothing to send to ixkio");
            return;
        }
        store.run(s -> s.outbox().markSent(e.outboxId()));
        stats.batches.incrementAndGet();
        UpdateResult r = client.update(TagCodeRef.xuid(e.tagId()), row.get().activation());
        if (r instanceof UpdateResult.Applied) {
            store.run(s -> s.outbox().markConfirmed(e.outboxId()));
            stats.accepted.incrementAndGet();
        } else {
            quarantine(e, "rejected by ixkio: " + ((UpdateResult.Rejected) r).message());
        }
    }

    private void quarantine(OutboxEntry e, String why) {
        stats.rejected.incrementAndGet();
        store.run(s -> s.outbox().quarantine(e.outboxId(), why));
        alarms.raise(Alarm.REPORT_REJECTED, "outcome of tag " + e.tagId() + " kept for an operator: " + why);
        log.error("event=report_quarantined tag={} uid={} why=\"{}\"", e.tagId(), e.chipUid(), why);
    }

    /** No answer: the row stays {@code sent}; after the backoff it goes out again. */
    private Instant unreachable(PlatformException e) {
        stats.ambiguous.incrementAndGet();
        schedule.failed();
        alarms.raise(Alarm.OFFLINE, "ixkio unreachable, outcomes buffered on disk: " + e.getMessage());
        return schedule.block(schedule.backoff());
    }

    /** An HTTP error status: the update was not applied. */
    private Instant refused(OutboxEntry e, PlatformStatusException ex) {
        stats.refused.incrementAndGet();
        if (ex.status() == 401 || ex.status() == 403) {
            stopped = true;
            store.run(s -> s.outbox().retryLater(e.outboxId(), ex.getMessage(), clock.instant()));
            alarms.raise(Alarm.AUTH_REFUSED, "ixkio refused the API token; sync stopped, outcomes kept on disk: "
                    + ex.getMessage());
            return Instant.MAX;
        }
        if (!ex.transientFailure()) {
            quarantine(e, ex.getMessage());
            return clock.instant();
        }
        schedule.failed();
        Duration delay = schedule.backoff(ex.retryAfter().orElse(null));
        store.run(s -> s.outbox().retryLater(e.outboxId(), ex.getMessage(), clock.instant().plus(delay)));
        alarms.raise(Alarm.OFFLINE, "ixkio refusing updates, outcomes buffered on disk: " + ex.getMessage());
        return schedule.block(delay);
    }
}
