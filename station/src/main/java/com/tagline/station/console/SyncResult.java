package com.tagline.station.console;

import java.util.Locale;

/**
 * Sync results as the console counts them: per request (a batch, or one ixkio PATCH) whether the
 * platform answered, refused with an HTTP error, or did not answer; per report what the platform said.
 */
public enum SyncResult {
    /** A request the platform answered. */
    ANSWERED(true),
    /** A request refused with an HTTP error status (429, 5xx, 401, ...): nothing applied. */
    REFUSED(true),
    /** A request with no answer (timeout, reset): reconciled or sent again. */
    UNREACHABLE(true),
    /** A report applied. */
    ACCEPTED(false),
    /** A report applied before (a re-send after an ambiguous call). */
    DUPLICATE(false),
    /** A report whose tag or chip is bound elsewhere: quarantined. */
    CONFLICT(false),
    /** A report refused by the platform: quarantined. */
    REJECTED(false),
    /** A report confirmed by reading the tag back instead of sending it again. */
    RECONCILED(false),
    /** A report closed without a platform call (ixkio failed outcomes). */
    LOCAL(false);

    private final boolean request;

    SyncResult(boolean request) {
        this.request = request;
    }

    /** Counts requests (true) or reports (false). */
    public boolean request() {
        return request;
    }

    /** Whether the platform took the report (the "last successful sync"). */
    public boolean success() {
        return this == ACCEPTED || this == DUPLICATE || this == RECONCILED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
