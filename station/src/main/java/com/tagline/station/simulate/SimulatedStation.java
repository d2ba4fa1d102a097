package com.tagline.station.simulate;

import com.tagline.simulator.line.SimulatedClock;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.sync.Alarms;
import com.tagline.station.workflow.ChipEncoder;
import com.tagline.station.workflow.ChipRecipe;
import com.tagline.station.workflow.EncodingPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real station parts of a simulation, all on one virtual clock and one thread: the SQLite store,
 * the chip encoder, and the platform side the {@link SimulatedPlatform} connects ({@link PlatformWork}:
 * tagbase leasing and outbox sync, or the ixkio sink). {@link #tick} runs the platform's periodic work,
 * as the station's platform thread would.
 */
final class SimulatedStation implements AutoCloseable {
    private final SimulatedClock clock;
    private final StoreAccess store;
    private final Alarms alarms;
    private final ChipEncoder encoder;
    private final PlatformWork work;

    SimulatedStation(SimulatedClock clock, Path dbFile, String station, SimulatedPlatform platform,
                     List<String> protocols, Map<String, ChipRecipe> recipes, int keySetVersion, long seed) {
        this.clock = clock;
        this.alarms = new Alarms(clock); // raised and cleared in virtual time, like everything else here
        this.store = StoreAccess.direct(Store.open(StoreConfig.of(dbFile, station).withClock(clock)));
        try {
            this.work = platform.connect(new StationParts(clock, store, alarms, station, protocols, seed));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        this.encoder = new ChipEncoder(store, recipes, EncodingPolicy.defaults(), keySetVersion, clock, alarms);
    }

    SimulatedClock clock() {
        return clock;
    }

    ChipEncoder encoder() {
        return encoder;
    }

    StoreAccess store() {
        return store;
    }

    PlatformWork work() {
        return work;
    }

    Alarms alarms() {
        return alarms;
    }

    /** The periodic work that is due at the clock's time. */
    void tick() {
        work.tick();
    }

    /**
     * Advances virtual time in {@code step}s, running {@link #tick}, until the outbox is drained or
     * {@code budget} has passed; {@code beforeTick} runs first each step (the outage schedule).
     *
     * @return whether the outbox drained
     */
    boolean drain(Duration step, Duration budget, Runnable beforeTick) {
        Instant end = clock.instant().plus(budget);
        while (!work.drained()) {
            if (clock.instant().isAfter(end)) {
                return false;
            }
            clock.advance(step);
            beforeTick.run();
            tick();
        }
        return true;
    }

    /** Clean shutdown of the platform side (tagbase: leases with unused tags go back). */
    void shutdownPlatform() {
        work.shutdown();
    }

    @Override
    public void close() {
        try {
            work.close();
        } finally {
            store.close();
        }
    }
}
