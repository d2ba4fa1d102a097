package com.tagline.station.sync;

/**
 * Conditions the operator must see (stack light amber or red, the summary, the log). Each has one
 * current message; raising it again replaces the message.
 */
public enum Alarm {
    /** The platform does not answer: outcomes are buffered on disk. */
    OFFLINE(false),
    /** Leasing cannot reach the platform: the line encodes from the tags already leased. */
    LEASE_FAILED(false),
    /** The platform refused the API key. */
    AUTH_REFUSED(false),
    /** The outbox reached its limit: leasing stopped, nothing is dropped. */
    QUEUE_FULL(false),
    /** Disk space is low: leasing stopped, nothing is dropped. */
    DISK_LOW(false),
    /** A report was answered conflict: a second chip carries a tag's identity. */
    CONFLICT(true),
    /** A report was rejected by the platform and kept for an operator. */
    REPORT_REJECTED(true),
    /**
     * This station's clock is more than a minute behind the platform's (the {@code Date} of its answers): leases end
     * by the platform's clock, so here they end that much early; records carry the station's time.
     */
    CLOCK_SKEW(false),
    /** Leased tags expired beyond the grace; the line pauses rather than risk a tag encoded twice. */
    LEASE_EXPIRED(false),
    /** No leased tag is available for the chip kind at the antenna. */
    NO_JOB(false),
    /** The PN532 reader's serial link cannot be opened or was lost: no chip can be encoded until it is back. */
    READER_OFFLINE(false),
    /** Encoding an item failed outside the recipe (reader link, store): the item was rejected. */
    ENCODER_FAULT(false),
    /**
     * A chip that took a tag (its first irreversible step ran) did not finish it and is not at the antenna:
     * the tag waits for that chip to come back, or for it to be rejected or scrapped (architecture §5).
     */
    CHIP_AWAITED(false);

    private final boolean needsOperator;

    Alarm(boolean needsOperator) {
        this.needsOperator = needsOperator;
    }

    /** Stays raised until an operator clears it (the record is quarantined). */
    public boolean needsOperator() {
        return needsOperator;
    }
}
