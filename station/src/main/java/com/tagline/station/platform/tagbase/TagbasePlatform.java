package com.tagline.station.platform.tagbase;

import com.tagline.hardware.tag.ChipProtocol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tagbase operations the station uses (platform-api §1.2), as a seam: {@link TagbaseClient} over
 * HTTP in production and in integration tests; anything else only in unit tests of the sync logic.
 */
public interface TagbasePlatform {
    /** A lease; its {@code expiresAt} is on this station's clock ({@link #platformAhead()}). */
    Lease lease(String station, List<ChipProtocol> protocols, int maxTags);

    /** Renews a lease; the new expiry is on this station's clock, as {@link #lease}'s. */
    Instant renew(String leaseId);

    /**
     * How far the platform's clock is ahead of this station's (negative: behind), from its last answer's
     * {@code Date}; empty when no answer carried one (expiries are then taken as the platform wrote them).
     */
    default Optional<Duration> platformAhead() {
        return Optional.empty();
    }

    void release(String leaseId);

    List<ReportResult> report(List<OutcomeReport> reports);

    Optional<TagState> tag(String tagId);

    boolean verify(String tagId, Map<String, String> parameters);
}
