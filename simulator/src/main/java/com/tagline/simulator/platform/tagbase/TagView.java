package com.tagline.simulator.platform.tagbase;

import com.tagline.hardware.tag.ChipProtocol;
import java.time.Instant;

/**
 * A snapshot of one emulated tag.
 *
 * @param id           {@code tag_}-prefixed id
 * @param account      the owning account
 * @param protocol     the tag protocol
 * @param url          the URL written to the chip
 * @param status       lifecycle status
 * @param configuredAt when it was configured, null while {@code created}
 * @param uid          the chip UID bound by the accepted {@code configured} report (uppercase hex), or null
 */
public record TagView(String id, String account, ChipProtocol protocol, String url, TagStatus status,
        Instant configuredAt, String uid) {}
