package com.tagline.station.platform.tagbase;

import java.time.Instant;
import java.util.List;

/**
 * An encoding lease (platform-api §1.2); {@code tags} may be empty, which is a normal answer.
 *
 * @param refused the lease's tags left out because the line cannot use them (an unusable URL), each named
 *                with its JSON pointer and why; they stay held by the lease until it is released or expires
 */
public record Lease(String id, Instant expiresAt, List<LeasedTag> tags, List<String> refused) {
    public Lease {
        tags = List.copyOf(tags);
        refused = List.copyOf(refused);
    }

    public Lease(String id, Instant expiresAt, List<LeasedTag> tags) {
        this(id, expiresAt, tags, List.of());
    }
}
