package com.tagline.station.simulate;

import com.tagline.station.platform.HttpEndpoint;

/**
 * The platform emulator a simulation runs against, over real loopback HTTP: seeded with pending
 * tags, able to go offline, and able to say what it ended up holding.
 */
public interface SimulatedPlatform extends AutoCloseable {
    /** Where the station reaches it, with the station's API key. */
    HttpEndpoint endpoint();

    /** Creates {@code count} pending tags of {@code protocol}, URLs under {@code urlBase}. */
    void seed(String protocol, int count, String urlBase);

    /** Every API call fails (connection closed) while on. */
    void outage(boolean on);

    /** What the platform holds now. */
    PlatformTotals totals();

    @Override
    void close();

    /** Tags the platform shows {@code configured}, and conflicting reports it answered. */
    record PlatformTotals(int configuredTags, int conflicts) {
    }
}
