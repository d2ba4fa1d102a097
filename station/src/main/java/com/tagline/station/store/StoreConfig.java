package com.tagline.station.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Where and how the store keeps its data.
 *
 * @param file          the SQLite database file (created if absent)
 * @param station       the station name written into every outcome report
 * @param queueLimit    unconfirmed outbox rows at which {@link Store#capacity()} answers queue_full
 * @param minFreeBytes  usable bytes on the file store below which it answers disk_low
 * @param busyTimeoutMs how long a statement waits on a lock held by another connection
 * @param clock         the source of every stored timestamp
 */
public record StoreConfig(Path file, String station, int queueLimit, long minFreeBytes, int busyTimeoutMs,
                          Clock clock) {
    /** Default busy timeout: 5 s, above sqlite-jdbc's 3 s default to ride out a checkpoint on an SD card. */
    public static final int DEFAULT_BUSY_TIMEOUT_MS = 5_000;
    /** Default outbox limit: 10,000 unconfirmed reports (about a shift of encoding offline). */
    public static final int DEFAULT_QUEUE_LIMIT = 10_000;
    /** Default low-disk threshold: 64 MiB. */
    public static final long DEFAULT_MIN_FREE_BYTES = 64L * 1024 * 1024;

    public StoreConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(clock, "clock");
        if (queueLimit < 1 || minFreeBytes < 0 || busyTimeoutMs < 0) {
            throw new IllegalArgumentException("queueLimit >= 1, minFreeBytes >= 0, busyTimeoutMs >= 0");
        }
    }

    /** A configuration with the named defaults and the system UTC clock. */
    public static StoreConfig of(Path file, String station) {
        return new StoreConfig(file, station, DEFAULT_QUEUE_LIMIT, DEFAULT_MIN_FREE_BYTES, DEFAULT_BUSY_TIMEOUT_MS,
                Clock.systemUTC());
    }

    public StoreConfig withQueueLimit(int limit) {
        return new StoreConfig(file, station, limit, minFreeBytes, busyTimeoutMs, clock);
    }

    public StoreConfig withMinFreeBytes(long bytes) {
        return new StoreConfig(file, station, queueLimit, bytes, busyTimeoutMs, clock);
    }

    public StoreConfig withClock(Clock c) {
        return new StoreConfig(file, station, queueLimit, minFreeBytes, busyTimeoutMs, c);
    }
}
