package com.tagline.station.console;

/**
 * Where the console reads the station's state: an immutable snapshot that the station's own threads
 * published. {@link #snapshot()} is called on the console's event loop, so it must not block: no serial,
 * GPIO or SQLite, only published values.
 */
@FunctionalInterface
public interface StationView {
    StationSnapshot snapshot();
}
