package com.tagline.station.sync;

import java.util.Objects;

/**
 * What became of one outbox row in a call ({@link OutcomeSink#deliver}).
 *
 * @param detail the platform's words, for the quarantine record and the log
 */
public record Delivery(Kind kind, String detail) {
    /** The outcomes a platform can give a report. */
    public enum Kind {
        /** Applied now (tagbase {@code accepted}, ixkio {@code updated}). */
        APPLIED,
        /** Applied before (tagbase {@code duplicate}): a re-send after an ambiguous call. */
        DUPLICATE,
        /** Nothing to send for it on this platform (ixkio: failed outcomes are reported locally only). */
        LOCAL,
        /** The tag or chip is bound elsewhere on the platform: a second chip carries that identity. */
        CONFLICT,
        /** The platform will not take this report; an operator must look at it. */
        REJECTED
    }

    public Delivery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public static Delivery of(Kind kind) {
        return new Delivery(kind, "");
    }
}
