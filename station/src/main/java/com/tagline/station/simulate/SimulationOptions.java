package com.tagline.station.simulate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code station simulate} run.
 *
 * @param outageAt  virtual time into the run at which the platform goes offline, if at all
 * @param outageFor how long it stays offline
 * @param dataDir   where the SQLite file goes; empty: a temporary directory removed afterwards
 */
public record SimulationOptions(int count, BatchProtocol protocol, double defectRate, long seed, String urlBase,
                                String station, boolean handFed, Optional<Duration> outageAt, Duration outageFor,
                                Optional<Path> dataDir) {
    public SimulationOptions {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(outageAt, "outageAt");
        Objects.requireNonNull(outageFor, "outageFor");
        Objects.requireNonNull(dataDir, "dataDir");
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1");
        }
        if (!(defectRate >= 0 && defectRate <= 1)) {
            throw new IllegalArgumentException("--defect-rate must be between 0 and 1, got " + defectRate);
        }
        if (outageFor.isNegative() || outageAt.map(Duration::isNegative).orElse(false)) {
            throw new IllegalArgumentException("--outage-at and --outage-for must not be negative");
        }
    }

    /** Whether the platform is scheduled offline at virtual time {@code sinceStart}. */
    boolean offlineAt(Duration sinceStart) {
        return outageAt.map(at -> sinceStart.compareTo(at) >= 0 && sinceStart.compareTo(at.plus(outageFor)) < 0)
                .orElse(false);
    }
}
