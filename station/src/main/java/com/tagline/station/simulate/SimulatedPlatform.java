package com.tagline.station.simulate;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.config.StationConfig;
import com.tagline.station.store.ConfiguredChip;
import com.tagline.station.store.StoreAccess;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The platform emulator a simulation runs against, over real loopback HTTP: seeded with pending work,
 * reached by the stations exactly as configured on a line ({@link #kind()}, {@link #baseUrl()}, the API key),
 * able to go offline, to say what it ended up holding and to verify a phone's scan.
 */
public interface SimulatedPlatform extends AutoCloseable {
    StationConfig.PlatformKind kind();

    URI baseUrl();

    /** The stations' API key (put in their environment, as a line puts it in a file or variable). */
    String apiKey();

    /** Creates {@code count} pending tags of {@code protocol}, URLs under {@code urlBase}. */
    void seed(ChipProtocol protocol, int count, String urlBase);

    /** ixkio: writes the encoding manifest of the seeded tag codes into {@code dir}; tagbase leases instead. */
    default Optional<Path> manifest(Path dir) {
        return Optional.empty();
    }

    /** Every API call fails (connection closed) while on. */
    void outage(boolean on);

    /** What the platform holds now. */
    PlatformTotals totals();

    /** Whether the URL a phone read from {@code chip} verifies (by the platform, or locally). */
    boolean verify(ConfiguredChip chip, String scannedUrl);

    /** Whether {@link #verify} asks the platform (for the text summary). */
    boolean verifiedByPlatform();

    /**
     * The association check of a platform that takes an {@code xuid,uid} export (ixkio): the export of
     * the station's configured chips against the platform's tag codes. Empty for other platforms.
     */
    default Optional<BatchSummary.Associations> associations(StoreAccess store) {
        return Optional.empty();
    }

    @Override
    void close();

    /** Tags the platform shows {@code configured}, and conflicting reports it answered. */
    record PlatformTotals(int configuredTags, int conflicts) {
    }
}
