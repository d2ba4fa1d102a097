package com.tagline.station.workflow;

import java.time.Duration;
import java.util.Objects;

/**
 * How the encoder treats chips and tags.
 *
 * @param maxAttemptsPerTag different chips tried for one tag before it is reported {@code failed} with
 *                          the last reason (issue 6: a tag whose chip failed is retried on the next chips);
 *                          a chip reactivated in place or resumed counts once
 * @param reactivations     how often a chip lost mid-exchange is activated again in place; a torn
 *                          chip that is still at the antenna resumes from what it shows
 * @param leaseGrace        a leased tag whose lease expired more than this ago is never used: another
 *                          station may hold it now. The platform frees a tag the moment its lease is no
 *                          longer live (platform-api §1.2), so any grace above zero is a window in which
 *                          two stations can encode one tag; it only exists to ride out clock skew between
 *                          station and platform, and leases are renewed long before they expire
 */
public record EncodingPolicy(int maxAttemptsPerTag, int reactivations, Duration leaseGrace) {
    public EncodingPolicy {
        Objects.requireNonNull(leaseGrace, "leaseGrace");
        if (maxAttemptsPerTag < 1 || reactivations < 0 || leaseGrace.isNegative()) {
            throw new IllegalArgumentException("max attempts per tag >= 1, reactivations >= 0, lease grace >= 0");
        }
    }

    /** Three chips per tag, one in-place reactivation, no lease grace: an expired lease is never used. */
    public static EncodingPolicy defaults() {
        return new EncodingPolicy(3, 1, Duration.ZERO);
    }
}
