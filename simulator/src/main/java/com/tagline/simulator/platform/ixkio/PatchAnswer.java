package com.tagline.simulator.platform.ixkio;

import java.util.List;

/** What a Management API PATCH answers, both as {@code 200 OK} (platform-api §2.1). */
public sealed interface PatchAnswer {
    /** Applied: {@code {"xuid":"...","updated":["ix_status", ...]}}. */
    record Updated(String xuid, List<String> updated) implements PatchAnswer {
        public Updated {
            updated = List.copyOf(updated);
        }
    }

    /** Refused, nothing changed: {@code {"message":"..."}}. */
    record Rejected(String message) implements PatchAnswer {
    }
}
