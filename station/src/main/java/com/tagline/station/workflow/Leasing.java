package com.tagline.station.workflow;

import com.tagline.hardware.retry.Backoff;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.platform.PlatformException;
import com.tagline.station.platform.PlatformProtocolException;
import com.tagline.station.platform.tagbase.Lease;
import com.tagline.station.platform.tagbase.LeasedTag;
import com.tagline.station.platform.tagbase.TagbasePlatform;
import com.tagline.station.store.Capacity;
import com.tagline.station.store.LeaseSummary;
import com.tagline.station.store.LeasedJob;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps leased tags ahead of the line (platform-api §1.2 leases; issue 6): tops each protocol up to
 * its high water mark when it falls below the low one, renews leases that still hold available tags
 * before they expire, and releases unused leases on a clean shutdown. Leasing stops, with an alarm,
 * while the store's capacity is not OK (queue limit or low disk): nothing is ever dropped.
 *
 * <p>Platform failures never stop the line: the station keeps encoding from what it holds, raises
 * {@link Alarm#LEASE_FAILED} (its own alarm: a lease that works must not clear the sync's
 * {@link Alarm#OFFLINE} while reports still fail), and tries again after {@link LeasePolicy#retryAfter()}.
 *
 * <p>Time: a lease's expiry is the platform's wall time (platform-api §1.2), compared with the wall clock; the wait
 * after a failed call runs on the {@code elapsed} clock, which never steps, so a wall clock stepped back an hour
 * does not hold leasing for that hour.
 *
 * <p>Threading: one caller at a time (the platform thread, or the simulation loop).
 */
public final class Leasing implements JobSource {
    /** More than this off the platform's clock raises {@link Alarm#CLOCK_SKEW}, as the doctor's clock check fails. */
    public static final Duration CLOCK_SKEW_LIMIT = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(Leasing.class);

    private final StoreAccess store;
    private final TagbasePlatform platform;
    private final LeasePolicy policy;
    private final String station;
    private final Clock clock;
    private final Clock elapsed;
    private final Alarms alarms;
    /** The longest wait between lease calls after failures. */
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    /**
     * Doubles from {@link LeasePolicy#retryAfter()} up to {@link #LONGEST_RETRY}: a lease call that
     * timed out may still have created a lease on the platform (its tags held for 24 h), so a slow
     * platform must not be asked every few seconds.
     */
    private final Backoff retries;
    /** How far behind {@link Alarm#CLOCK_SKEW} last said this clock is, in seconds; null while clear. */
    private Long reportedSkewSeconds;
    private Instant nextTry = Instant.MIN;
    private int failures;
    private volatile boolean retryNow;

    /** On one clock that never steps (a simulation's virtual time, a test's). */
    public Leasing(StoreAccess store, TagbasePlatform platform, LeasePolicy policy, String station, Clock clock,
                   Alarms alarms) {
        this(store, platform, policy, station, clock, clock, alarms);
    }

    /**
     * @param wall    the clock leases' expiry times are compared with
     * @param elapsed the clock of the waits between failed calls, which never steps
     */
    public Leasing(StoreAccess store, TagbasePlatform platform, LeasePolicy policy, String station, Clock wall,
                   Clock elapsed, Alarms alarms) {
        this.store = store;
        this.platform = platform;
        this.policy = policy;
        this.station = station;
        this.clock = wall;
        this.elapsed = elapsed;
        this.alarms = alarms;
        this.retries = Backoff.exact(policy.retryAfter(), LONGEST_RETRY);
    }

    /** The next pass leases at once, its backoff started afresh; the pass stays on the platform thread. */
    @Override
    public void retryNow() {
        retryNow = true;
    }

    /** One pass: top up every protocol and renew what is due. Cheap when nothing is due. */
    @Override
    public void runOnce() {
        if (retryNow) {
            retryNow = false;
            nextTry = Instant.MIN;
            failures = 0;
        }
        if (elapsed.instant().isBefore(nextTry)) {
            return;
        }
        try {
            if (capacityOk()) {
                policy.protocols().forEach(this::topUp);
            }
            renewDue();
            failures = 0;
        } catch (PlatformException e) {
            Duration wait = retries.delay(++failures);
            nextTry = elapsed.instant().plus(wait);
            alarms.raise(Alarm.LEASE_FAILED, (e instanceof PlatformProtocolException
                    ? "refused the platform's lease answer" : "cannot reach the platform to lease tags")
                    + "; encoding from the tags already leased: " + e.getMessage());
            log.warn("event=lease_failed retry_in_ms={} error=\"{}\"", wait.toMillis(), e.getMessage());
        }
        watchClock();
    }

    /**
     * {@link Alarm#CLOCK_SKEW} while this station's clock is more than {@link #CLOCK_SKEW_LIMIT} behind the platform's,
     * as its last answer's {@code Date} tells (the doctor fails a station that far off, {@code ClockCheck}). The client
     * already ends leases here by the platform's clock, so they end early on this one; the alarm says why, and what
     * to do. A clock ahead of the platform's changes nothing here (expiries are never moved later) and is the doctor's.
     */
    private void watchClock() {
        Optional<Duration> ahead = platform.platformAhead();
        if (ahead.isEmpty()) {
            return;
        }
        long behindSeconds = ahead.get().toSeconds();
        if (behindSeconds <= CLOCK_SKEW_LIMIT.toSeconds()) {
            alarms.clear(Alarm.CLOCK_SKEW);
            reportedSkewSeconds = null;
            return;
        }
        if (reportedSkewSeconds != null && Math.abs(reportedSkewSeconds - behindSeconds) <= CLOCK_SKEW_LIMIT.toSeconds()) {
            return;
        }
        reportedSkewSeconds = behindSeconds;
        alarms.raise(Alarm.CLOCK_SKEW, "this station's clock is " + behindSeconds + " s behind the platform's (the Date"
                + " of its answers): leases end by the platform's clock, so here they end " + behindSeconds + " s early,"
                + " and outcome times are " + behindSeconds + " s behind; enable NTP: timedatectl set-ntp true");
    }

    /**
     * Gives back every lease whose tags are not all used and none of whose outcomes wait for the
     * platform (a lease with unconfirmed outcomes stays: its tags would return to the pool before
     * their report lands). Failures are logged; the platform expires the lease by itself.
     */
    @Override
    public int releaseUnused() {
        int released = 0;
        for (LeaseSummary lease : store.call(s -> s.jobs().leases())) {
            if (lease.available() == 0 || lease.unconfirmed() > 0) {
                continue;
            }
            try {
                platform.release(lease.leaseId());
                store.run(s -> s.jobs().released(lease.leaseId()));
                released++;
            } catch (PlatformException e) {
                log.warn("event=lease_release_failed lease={} error=\"{}\"", lease.leaseId(), e.getMessage());
            }
        }
        return released;
    }

    private boolean capacityOk() {
        Capacity c = store.call(s -> s.capacity());
        Alarm alarm = c == Capacity.DISK_LOW ? Alarm.DISK_LOW : Alarm.QUEUE_FULL;
        if (c == Capacity.OK) {
            alarms.clear(Alarm.DISK_LOW);
            alarms.clear(Alarm.QUEUE_FULL);
            return true;
        }
        alarms.raise(alarm, "leasing stopped: " + (c == Capacity.DISK_LOW ? "disk space is low"
                : "the outbox reached its limit of unconfirmed outcomes") + "; nothing is dropped");
        return false;
    }

    private void topUp(ChipProtocol protocol) {
        // Only tags of live leases count: an expired lease's tags may be held by another station now
        // (platform-api §1.2: only tags not in another live lease are handed out), and the encoder
        // never uses them past its grace, so they must not keep the line from leasing fresh ones.
        int available = store.call(s -> s.jobs().available(protocol, clock.instant()));
        if (available >= policy.lowWater() && available > 0) {
            return;
        }
        int want = Math.min(500, policy.highWater() - available);
        if (want < 1) {
            return;
        }
        Lease lease = platform.lease(station, List.of(protocol), want);
        if (!lease.expiresAt().isAfter(clock.instant())) {
            // its tags would never be available here, and the next pass would lease them again at once
            platform.release(lease.id());
            throw new PlatformProtocolException("lease answer: /data/attributes/expires_at " + lease.expiresAt()
                    + " of lease " + lease.id() + " is not in the future; lease given back");
        }
        List<LeasedJob> jobs = lease.tags().stream().filter(t -> protocol == t.protocol())
                .map(t -> job(t, lease)).toList();
        if (!jobs.isEmpty()) {
            store.run(s -> s.jobs().record(jobs));
        } else {
            // The pool is empty: give the empty lease straight back rather than leave it live for 24 h,
            // and do not ask again on every pass.
            nextTry = elapsed.instant().plus(policy.retryAfter());
            platform.release(lease.id());
        }
        if (lease.refused().isEmpty()) {
            alarms.clear(Alarm.LEASE_FAILED);
        } else {
            String why = "lease " + lease.id() + " left out " + lease.refused().size() + " tag(s) the line cannot"
                    + " encode; fix them on the platform: " + String.join("; ", lease.refused());
            alarms.raise(Alarm.LEASE_FAILED, why);
            log.warn("event=leased_tags_refused lease={} count={} why=\"{}\"", lease.id(), lease.refused().size(), why);
        }
        log.debug("event=leased lease={} protocol={} tags={} expires_at={}", lease.id(), protocol, jobs.size(),
                lease.expiresAt());
    }

    private void renewDue() {
        Instant now = clock.instant();
        Instant horizon = now.plus(policy.renewBefore());
        for (LeaseSummary lease : store.call(s -> s.jobs().leases())) {
            // an expired lease cannot be renewed (platform-api §1.2; tagbase answers 409): its tags are
            // leased afresh by topUp instead of failing every pass as if the platform were offline
            if (lease.available() > 0 && lease.expiresAt().isBefore(horizon) && lease.expiresAt().isAfter(now)) {
                Instant until = platform.renew(lease.leaseId());
                if (!until.isAfter(now)) {
                    throw new PlatformProtocolException("renew answer: /data/attributes/expires_at " + until + " of"
                            + " lease " + lease.leaseId() + " is not in the future; its stored expiry "
                            + lease.expiresAt() + " is kept");
                }
                store.run(s -> s.jobs().renewed(lease.leaseId(), until));
            }
        }
    }

    private static LeasedJob job(LeasedTag tag, Lease lease) {
        return new LeasedJob(tag.id(), tag.protocol(), tag.url(), lease.id(), lease.expiresAt());
    }
}
