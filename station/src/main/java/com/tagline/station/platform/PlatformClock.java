package com.tagline.station.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform's clock as this station sees it, from the {@code Date} header of the platform's answers (RFC 9110
 * §6.6.1: the time the answer was made, in whole seconds). A lease ends by the platform's clock (platform-api §1.2),
 * and at that moment the platform may hand its tags to another station; a station whose clock runs behind would
 * otherwise keep encoding them for as long as it is behind, and one tag would end on two chips.
 *
 * <p>What it keeps is how far the platform's clock is ahead of ours: its {@code Date} against the moment the request
 * was sent (the answer was made no earlier), so to within the round trip and {@code Date}'s one second. A platform
 * instant turned to ours ({@link #onOurClock}) is moved back by that much and never forward: a wrong or missing
 * {@code Date} can end a lease early here, never late.
 *
 * <p>Threading: one caller at a time (the platform thread).
 */
public final class PlatformClock {
    private final Clock ours;
    private Duration ahead;

    public PlatformClock(Clock ours) {
        this.ours = Objects.requireNonNull(ours, "ours");
    }

    /** This station's clock now: read it when a request is sent, for {@link #answered}. */
    public Instant now() {
        return ours.instant();
    }

    /**
     * An answer to a request sent at {@code sentAt} (our clock) came with {@code date} (may be null); an unreadable
     * one leaves what was known.
     */
    public void answered(Instant sentAt, String date) {
        dateOf(date).ifPresent(d -> ahead = Duration.between(sentAt, d));
    }

    /** How far the platform's clock is ahead of ours (negative: behind), once an answer carried a Date. */
    public Optional<Duration> ahead() {
        return Optional.ofNullable(ahead);
    }

    /** {@code platformTime} on our clock: earlier by as much as the platform is ahead, never later. */
    public Instant onOurClock(Instant platformTime) {
        return ahead == null || ahead.isNegative() ? platformTime : platformTime.minus(ahead);
    }

    /** A {@code Date} header's time (RFC 9110 §5.6.7, IMF-fixdate); empty when absent or unreadable. */
    public static Optional<Instant> dateOf(String date) {
        if (date == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
