package com.tagline.station.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One chip's outcome, as the console shows and counts it. Never a key: the UID and the tag id are
 * identifiers, not secrets.
 *
 * @param at         when it ended, on the station's clock (virtual in a simulation)
 * @param tagId      the tag it was personalized for, if one was assigned
 * @param uid        the chip UID (hex), if a chip answered
 * @param protocol   {@code ntag_424_dna}, {@code ntag_223_dna}, or {@code unknown}
 * @param reason     {@code configured} or the failure reason code
 * @param duration   the encoder's host time for the chip
 * @param resumed    the chip was found part-way personalized and finished (not first-pass)
 */
public record ChipEvent(Instant at, Optional<String> tagId, Optional<String> uid, String protocol, String reason,
                        Duration duration, boolean resumed) {
    public ChipEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(tagId, "tagId");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(duration, "duration");
    }

    public boolean configured() {
        return "configured".equals(reason);
    }

    /** {@code configured} or {@code failed}, the metric's outcome label. */
    public String outcome() {
        return configured() ? "configured" : "failed";
    }
}
