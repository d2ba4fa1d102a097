package com.tagline.station.workflow;

import com.tagline.station.personalize.Reason;
import java.time.Duration;
import java.util.Optional;

/**
 * What happened to one chip at the antenna.
 *
 * @param tagId     the tag it was personalized for, empty when no tag was assigned (no chip, wrong
 *                  chip kind, no leased tag)
 * @param uidHex    the chip UID, or empty when no chip answered
 * @param reason    {@link Reason#CONFIGURED} or why it failed
 * @param tagFinal  the tag's outcome was recorded for the platform (configured, or failed for good);
 *                  false when the tag goes to the next chip
 * @param resumed   the chip was found part-way personalized (torn, or after a restart) and finished
 */
public record EncodeOutcome(Optional<String> tagId, Optional<String> uidHex, Reason reason, String detail,
                            boolean tagFinal, boolean resumed, Duration duration) {
    public boolean configured() {
        return reason == Reason.CONFIGURED;
    }
}
