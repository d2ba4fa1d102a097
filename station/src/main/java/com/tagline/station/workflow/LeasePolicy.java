package com.tagline.station.workflow;

import com.tagline.hardware.tag.ChipProtocol;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How far ahead the station leases (issue 6: low/high water marks per protocol).
 *
 * @param protocols    the protocols this station encodes, each leased on its own
 * @param lowWater     below this many available tags of a protocol, lease more
 * @param highWater    lease up to this many available tags of a protocol (1..500 per call)
 * @param renewBefore  renew a lease that has available tags when it expires within this
 * @param retryAfter   after a failed lease call, wait this long before the next one
 */
public record LeasePolicy(List<ChipProtocol> protocols, int lowWater, int highWater, Duration renewBefore,
                          Duration retryAfter) {
    public LeasePolicy {
        protocols = List.copyOf(protocols);
        Objects.requireNonNull(renewBefore, "renewBefore");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (protocols.isEmpty() || lowWater < 0 || highWater < 1 || highWater < lowWater) {
            throw new IllegalArgumentException("lease policy needs protocols and 0 <= low water <= high water, 1 <= high water");
        }
    }

    /** Low 50, high 200 per protocol, renew 2 h before expiry, retry a failed call after 5 s. */
    public static LeasePolicy of(List<ChipProtocol> protocols) {
        return new LeasePolicy(protocols, 50, 200, Duration.ofHours(2), Duration.ofSeconds(5));
    }
}
