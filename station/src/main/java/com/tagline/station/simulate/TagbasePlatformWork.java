package com.tagline.station.simulate;

import com.tagline.station.platform.PlatformException;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.ConfiguredChip;
import com.tagline.station.sync.OutboxSync;
import com.tagline.station.sync.SyncPolicy;
import com.tagline.station.sync.SyncStats;
import com.tagline.station.workflow.LeasePolicy;
import com.tagline.station.workflow.Leasing;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * tagbase's platform side: leasing every second and the {@link OutboxSync} when it says it is due, as
 * the station's platform thread would; phone scans verified by the platform's verification endpoint.
 */
final class TagbasePlatformWork implements PlatformWork {
    private static final Duration LEASE_EVERY = Duration.ofSeconds(1);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TagbasePlatformWork.class);

    private final StationParts parts;
    private final TagbaseClient platform;
    private final Leasing leasing;
    private final OutboxSync sync;
    private Instant nextSync;
    private Instant nextLease;

    TagbasePlatformWork(TagbaseClient platform, StationParts parts) {
        this.parts = parts;
        this.platform = platform;
        SyncPolicy syncPolicy = SyncPolicy.defaults();
        this.leasing = new Leasing(parts.store(), platform, LeasePolicy.of(parts.protocols()), parts.station(),
                parts.clock(), parts.alarms());
        this.sync = new OutboxSync(parts.store(), platform, syncPolicy, syncPolicy.backoff(new Random(parts.seed())),
                parts.clock(), parts.alarms());
        this.nextSync = parts.clock().instant();
        this.nextLease = parts.clock().instant();
    }

    @Override
    public void tick() {
        Instant now = parts.clock().instant();
        if (!now.isBefore(nextLease)) {
            leasing.runOnce();
            nextLease = now.plus(LEASE_EVERY);
        }
        if (!now.isBefore(nextSync)) {
            nextSync = sync.runOnce();
        }
    }

    @Override
    public boolean drained() {
        return sync.drained();
    }

    @Override
    public void shutdown() {
        leasing.releaseUnused();
    }

    @Override
    public void close() {
        platform.close();
    }

    @Override
    public SyncStats stats() {
        return sync.stats();
    }

    @Override
    public boolean verify(ConfiguredChip c, String url) {
        try {
            return platform.verify(c.tagId(), ScannedUrl.queryParameters(url));
        } catch (PlatformException | IllegalArgumentException e) {
            log.warn("event=scan_failed tag={} uid={} error=\"{}\"", c.tagId(), c.chipUid(), e.getMessage());
            return false;
        }
    }

    @Override
    public boolean verifiedByPlatform() {
        return true;
    }
}
