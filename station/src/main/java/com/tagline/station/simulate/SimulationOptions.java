package com.tagline.station.simulate;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code station simulate} run. Bad values are refused here with a message naming the option.
 *
 * @param stations  stations sharing the one platform, each with its own store, PN532 emulator and conveyor
 * @param outageAt  virtual time into the run at which the platform goes offline, if at all
 * @param outageFor how long it stays offline
 * @param dataDir   where the SQLite files go; empty: a temporary directory removed afterwards
 */
public record SimulationOptions(int count, BatchProtocol protocol, double defectRate, long seed, String urlBase,
                                String station, boolean handFed, Optional<Duration> outageAt, Duration outageFor,
                                Optional<Path> dataDir, int stations, String sunParameters,
                                Optional<CycleTiming> timing) {
    /** The most stations one simulation runs. */
    public static final int MAX_STATIONS = 16;

    public SimulationOptions {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(outageAt, "outageAt");
        Objects.requireNonNull(outageFor, "outageFor");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(sunParameters, "sunParameters");
        Objects.requireNonNull(timing, "timing");
        if (timing.isPresent() && handFed) {
            throw new IllegalArgumentException("--timing models the conveyor's cycle; a hand-fed bench has none");
        }
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1");
        }
        if (stations < 1 || stations > MAX_STATIONS) {
            throw new IllegalArgumentException("--stations must be 1.." + MAX_STATIONS + ", got " + stations);
        }
        if (!(defectRate >= 0 && defectRate <= 1)) {
            throw new IllegalArgumentException("--defect-rate must be between 0 and 1, got " + defectRate);
        }
        if (outageFor.isNegative() || outageAt.map(Duration::isNegative).orElse(false)) {
            throw new IllegalArgumentException("--outage-at and --outage-for must not be negative");
        }
        if (!station.matches("[A-Za-z0-9_.-]{1,60}")) {
            throw new IllegalArgumentException("--station must be 1..60 letters, digits, '.', '_' or '-', got '"
                    + station + "'");
        }
        checkUrlBase(urlBase);
    }

    /** Tag URLs are the base plus the tag id: the base must be an absolute http(s) URL with a host. */
    private static void checkUrlBase(String urlBase) {
        String why = null;
        try {
            URI u = new URI(urlBase);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                why = "it must be an absolute http:// or https:// URL with a host";
            } else if (u.getRawQuery() != null || u.getRawFragment() != null) {
                why = "it must not have a query or fragment (the SUN parameters are added to it)";
            }
        } catch (java.net.URISyntaxException e) {
            why = "it is not a URL (" + e.getReason() + ")";
        }
        if (why != null) {
            throw new IllegalArgumentException("--url-base '" + urlBase + "' is refused: " + why
                    + ", e.g. https://tags.example.com/t/");
        }
    }

    /** Whether the platform is scheduled offline at virtual time {@code sinceStart}. */
    boolean offlineAt(Duration sinceStart) {
        return outageAt.map(at -> sinceStart.compareTo(at) >= 0 && sinceStart.compareTo(at.plus(outageFor)) < 0)
                .orElse(false);
    }
}
