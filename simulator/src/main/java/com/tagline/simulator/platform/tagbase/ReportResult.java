package com.tagline.simulator.platform.tagbase;

/**
 * The answer to one entry of an outcome report (platform-api §1.2).
 *
 * @param tagId  the entry's {@code tag_id} as sent (may be empty for an entry without one)
 * @param kind   accepted, duplicate, conflict or rejected
 * @param detail why, for conflict and rejected; null otherwise
 */
public record ReportResult(String tagId, Kind kind, String detail) {
    /** The four answers of platform-api §1.2, with their wire names. */
    public enum Kind {
        ACCEPTED("accepted"),
        DUPLICATE("duplicate"),
        CONFLICT("conflict"),
        REJECTED("rejected");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
