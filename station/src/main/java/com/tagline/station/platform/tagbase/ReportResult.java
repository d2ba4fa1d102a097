package com.tagline.station.platform.tagbase;

/**
 * The platform's answer to one outcome report (platform-api §1.2), in request order.
 *
 * @param detail why, for {@code rejected} (may be empty)
 */
public record ReportResult(String tagId, Kind kind, String detail) {
    /** accepted and duplicate both mean the platform holds the report. */
    public enum Kind {
        ACCEPTED, DUPLICATE, CONFLICT, REJECTED;

        public boolean confirmed() {
            return this == ACCEPTED || this == DUPLICATE;
        }
    }
}
