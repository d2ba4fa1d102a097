package com.tagline.station.platform.tagbase;

import java.util.Optional;

/**
 * A tag as {@code GET /api/v1/tags/:id} shows it (seed: Retrieve a tag). {@code status} is an open
 * set (platform-api §1.1): {@code created}, {@code configured}, or something newer.
 *
 * @param configuredAt the platform's {@code configured_at} text exactly as sent, if not null
 */
public record TagState(String id, String protocol, String url, String status, Optional<String> configuredAt) {
    public boolean configured() {
        return "configured".equals(status);
    }
}
