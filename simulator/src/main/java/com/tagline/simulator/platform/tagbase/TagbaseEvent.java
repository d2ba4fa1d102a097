package com.tagline.simulator.platform.tagbase;

import java.time.Instant;

/**
 * One webhook event (platform-api §1.3): {@code tag.created}, {@code tag.configured} or
 * {@code tag.configuration_failed}, with the tag as it was when the event fired.
 *
 * @param id        {@code evt_}-prefixed id, also the {@code webhook-id}
 * @param type      the event type
 * @param createdAt when it fired
 * @param tag       the tag after the change
 * @param reason    the failure reason of a {@code tag.configuration_failed}, else null
 */
public record TagbaseEvent(String id, String type, Instant createdAt, TagView tag, String reason) {
    public static final String CREATED = "tag.created";
    public static final String CONFIGURED = "tag.configured";
    public static final String CONFIGURATION_FAILED = "tag.configuration_failed";
}
