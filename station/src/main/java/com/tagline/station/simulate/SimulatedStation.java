package com.tagline.station.simulate;

import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.sync.Alarms;
import com.tagline.station.sync.Backoff;
import com.tagline.station.sync.OutboxSync;
import com.tagline.station.sync.SyncPolicy;
import com.tagline.station.workflow.ChipEncoder;
import com.tagline.station.workflow.ChipRecipe;
import com.tagline.station.workflow.EncodingPolicy;
import com.tagline.station.workflow.LeasePolicy;
import com.tagline.station.workflow.Leasing;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import com.tagline.simulator.line.SimulatedClock;

/**
 * The real station parts of a simulation, all on one virtual clock and one thread: the SQLite store,
 * the tagbase client over loopback HTTP, leasing, the outbox sync and the chip encoder. {@link #tick}
 * runs the periodic work (leasing every second, sync when it says it is due), as the station's
 * platform thread would.
 */
final class SimulatedStation implements AutoCloseable {
    private static final Duration LEASE_EVERY = Duration.ofSeconds(1);

    private final SimulatedClock clock;
    private final StoreAccess store;
    private final TagbaseClient platform;
    private final Alarms alarms = new Alarms();
    private final Leasing leasing;
    private final OutboxSync sync;
    private final ChipEncoder encoder;
    private Instant nextSync;
    private Instant nextLease;

    SimulatedStation(SimulatedClock clock, Path dbFile, String station, TagbaseClient platform, List<String> protocols,
                     Map<String, ChipRecipe> recipes, int keySetVersion, long seed) {
        this.clock = clock;
        this.platform = platform;
        this.store = StoreAccess.direct(Store.open(StoreConfig.of(dbFile, station).withClock(clock)));
        SyncPolicy syncPolicy = SyncPolicy.defaults();
        this.leasing = new Leasing(store, platform, LeasePolicy.of(protocols), station, clock, alarms);
        this.sync = new OutboxSync(store, platform, syncPolicy,
                new Backoff(syncPolicy.backoffInitial(), syncPolicy.backoffMax(), new Random(seed)), clock, alarms);
        this.encoder = new ChipEncoder(store, recipes, EncodingPolicy.defaults(), keySetVersion, clock, alarms);
        this.nextSync = clock.instant();
        this.nextLease = clock.instant();
    }

    ChipEncoder encoder() {
        return encoder;
    }

    StoreAccess store() {
        return store;
    }

    OutboxSync sync() {
        return sync;
    }

    Alarms alarms() {
        return alarms;
    }

    TagbaseClient platform() {
        return platform;
    }

    /** The periodic work that is due at the clock's time. */
    void tick() {
        Instant now = clock.instant();
        if (!now.isBefore(nextLease)) {
            leasing.runOnce();
            nextLease = now.plus(LEASE_EVERY);
        }
        if (!now.isBefore(nextSync)) {
            nextSync = sync.runOnce();
        }
    }

    /**
     * Advances virtual time in {@code step}s, running {@link #tick}, until the outbox is drained or
     * {@code budget} has passed; {@code beforeTick} runs first each step (the outage schedule).
     *
     * @return whether the outbox drained
     */
    boolean drain(Duration step, Duration budget, Runnable beforeTick) {
        Instant end = clock.instant().plus(budget);
        while (!sync.drained()) {
            if (clock.instant().isAfter(end)) {
                return false;
            }
            clock.advance(step);
            beforeTick.run();
            tick();
        }
        return true;
    }

    /** Clean shutdown: leases with unused tags go back to the platform. */
    int releaseLeases() {
        return leasing.releaseUnused();
    }

    @Override
    public void close() {
        store.close();
    }
}
