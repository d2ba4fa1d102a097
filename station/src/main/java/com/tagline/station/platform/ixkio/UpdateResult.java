package com.tagline.station.platform.ixkio;

import java.util.List;

/**
 * How ixkio answered a PATCH with {@code 200 OK} (platform-api §2.1). HTTP error statuses and missing
 * answers are exceptions of the platform tree instead.
 */
public sealed interface UpdateResult {
    /** The update was applied: {@code {"xuid":...,"updated":[...]}}. */
    record Applied(String xuid, List<String> updated) implements UpdateResult {
        public Applied {
            updated = List.copyOf(updated);
        }
    }

    /**
     * The platform refused the update and changed nothing: {@code {"message":...}}, e.g. {@code Invalid
     * Status} or {@code Tag Code not found}. Sending it again gives the same answer: not retried, shown
     * to the operator.
     */
    record Rejected(String message) implements UpdateResult {
    }
}
