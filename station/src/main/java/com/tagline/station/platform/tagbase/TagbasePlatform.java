package com.tagline.station.platform.tagbase;

import com.tagline.hardware.tag.ChipProtocol;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tagbase operations the station uses (platform-api §1.2), as a seam: {@link TagbaseClient} over
 * HTTP in production and in integration tests; anything else only in unit tests of the sync logic.
 */
public interface TagbasePlatform {
    Lease lease(String station, List<ChipProtocol> protocols, int maxTags);

    Instant renew(String leaseId);

    void release(String leaseId);

    List<ReportResult> report(List<OutcomeReport> reports);

    Optional<TagState> tag(String tagId);

    boolean verify(String tagId, Map<String, String> parameters);
}
