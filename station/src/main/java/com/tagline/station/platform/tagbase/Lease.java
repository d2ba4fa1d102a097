package com.tagline.station.platform.tagbase;

import java.time.Instant;
import java.util.List;

/** An encoding lease (platform-api §1.2); {@code tags} may be empty, which is a normal answer. */
public record Lease(String id, Instant expiresAt, List<LeasedTag> tags) {
    public Lease {
        tags = List.copyOf(tags);
    }
}
