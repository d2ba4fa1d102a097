package com.tagline.station.simulate;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.store.StoreAccess;
import java.util.Optional;

/**
 * The platform emulator a simulation runs against, over real loopback HTTP: seeded with pending
 * tags, connected to the station's store as its {@link PlatformWork}, able to go offline, and able to
 * say what it ended up holding.
 */
public interface SimulatedPlatform extends AutoCloseable {
    /** Where the station reaches it, with the station's API key. */
    HttpEndpoint endpoint();

    /** Creates {@code count} pending tags of {@code protocol}, URLs under {@code urlBase}. */
    void seed(ChipProtocol protocol, int count, String urlBase);

    /** The station's platform side over {@code parts} (after {@link #seed}; once per run). */
    PlatformWork connect(StationParts parts);

    /** Every API call fails (connection closed) while on. */
    void outage(boolean on);

    /** What the platform holds now. */
    PlatformTotals totals();

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
