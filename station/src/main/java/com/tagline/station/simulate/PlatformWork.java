package com.tagline.station.simulate;

import com.tagline.station.store.ConfiguredChip;
import com.tagline.station.sync.SyncStats;

/**
 * The station's platform side in a simulation, whatever the platform: the periodic work (tagbase:
 * leasing and the outbox sync; ixkio: the outbox sink), whether the outbox is drained, the clean shutdown,
 * and how a phone scan of a configured chip is verified. Made by {@link SimulatedPlatform#connect}.
 *
 * <p>Threading: the simulation's one thread, on its virtual clock.
 */
public interface PlatformWork extends AutoCloseable {
    /** The periodic work due at the clock's time. */
    void tick();

    /** Nothing left pending or in doubt in the outbox. */
    boolean drained();

    /** Clean shutdown (tagbase: leases with unused tags go back). */
    void shutdown();

    /** Counters of the outbox sync. */
    SyncStats stats();

    /** Whether the URL a phone read from {@code chip} verifies (by the platform, or locally). */
    boolean verify(ConfiguredChip chip, String scannedUrl);

    /** Whether {@link #verify} asks the platform (for the text summary). */
    boolean verifiedByPlatform();

    /** Releases the platform client (after {@link #shutdown} and the scans). */
    @Override
    void close();
}
