package com.tagline.station.console;

import com.tagline.station.line.LineState;
import com.tagline.station.line.StackLight;
import com.tagline.station.sync.Alarms;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A {@link StationView} over values the station's threads publish: the line controller's thread its
 * {@link StationSnapshot.Line}, the store's owner a {@link StoreSample}; alarms and the reader state are
 * read from their thread-safe owners. {@link #snapshot()} only reads these, so it is safe on the
 * console's event loop.
 */
public final class PublishedView implements StationView {
    private final String station;
    private final String mode;
    private final Clock clock;
    private final Alarms alarms;
    private final BooleanSupplier readerConnected;
    private final Supplier<String> readerFirmware;
    private final long minFreeBytes;
    private final int keySetVersion;
    private volatile StationSnapshot.Line line =
            new StationSnapshot.Line(LineState.STOPPED, Optional.empty(), false, StackLight.OFF);
    private volatile StoreSample store = StoreSample.NONE;
    private volatile boolean storeOpen = true;

    /**
     * @param readerConnected whether the reader answers (any thread)
     * @param readerFirmware  what the reader reported, e.g. {@code PN532 v1.6}, or a dash
     */
    public PublishedView(String station, String mode, Clock clock, Alarms alarms, BooleanSupplier readerConnected,
                         Supplier<String> readerFirmware, long minFreeBytes, int keySetVersion) {
        this.station = Objects.requireNonNull(station, "station");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.alarms = Objects.requireNonNull(alarms, "alarms");
        this.readerConnected = readerConnected;
        this.readerFirmware = readerFirmware;
        this.minFreeBytes = minFreeBytes;
        this.keySetVersion = keySetVersion;
    }

    /** From the thread that owns the line. */
    public void publishLine(StationSnapshot.Line now) {
        this.line = Objects.requireNonNull(now, "now");
    }

    /** From the thread that may read the store. */
    public void publishStore(StoreSample sample) {
        this.store = Objects.requireNonNull(sample, "sample");
    }

    /** The store was closed (shutdown, or a simulation that ended): not ready any more. */
    public void storeClosed() {
        this.storeOpen = false;
    }

    public StationSnapshot.Line line() {
        return line;
    }

    @Override
    public StationSnapshot snapshot() {
        StoreSample s = store;
        StationSnapshot.Health health = new StationSnapshot.Health(storeOpen, readerConnected.getAsBoolean(),
                readerFirmware.get(), s.diskFreeBytes(), minFreeBytes, s.dbBytes(), keySetVersion);
        return new StationSnapshot(station, mode, clock.instant(), line, s.workOnHand(), s.backlog(), health,
                alarms.active());
    }
}
