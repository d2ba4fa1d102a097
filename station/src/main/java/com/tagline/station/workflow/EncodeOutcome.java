package com.tagline.station.workflow;

import com.tagline.hardware.tag.ChipProtocol;
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
 * @param protocol  the chip's kind as the antenna saw it, empty when no chip answered or it is of no known kind
 */
public record EncodeOutcome(Optional<String> tagId, Optional<String> uidHex, Reason reason, String detail,
                            boolean tagFinal, boolean resumed, Duration duration, Optional<ChipProtocol> protocol) {
    /** An outcome whose chip kind is filled in later ({@link ChipEncoder} adds it with the duration). */
    public EncodeOutcome(Optional<String> tagId, Optional<String> uidHex, Reason reason, String detail,
                         boolean tagFinal, boolean resumed, Duration duration) {
        this(tagId, uidHex, reason, detail, tagFinal, resumed, duration, Optional.empty());
    }

    public boolean configured() {
        return reason == Reason.CONFIGURED;
    }
}
