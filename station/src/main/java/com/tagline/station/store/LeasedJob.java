package com.tagline.station.store;

import com.tagline.hardware.tag.ChipProtocol;
import java.time.Instant;
import java.util.Objects;

/** One tag of an encoding lease: what to write, and until when the lease holds it. */
public record LeasedJob(String tagId, ChipProtocol protocol, String url, String leaseId, Instant leaseExpiresAt) {
    public LeasedJob {
        Objects.requireNonNull(tagId, "tagId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(leaseId, "leaseId");
        Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
    }
}
