package com.tagline.station.store;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Reason;
import java.util.Objects;

/**
 * One chip that already ended, for {@link Store#importOutcomes}: the tag, the chip, and how it ended.
 *
 * @param keySetVersion the key-set version of a configured chip, or {@code null} for a failure
 */
public record ImportedOutcome(String tagId, String chipUid, ChipProtocol protocol, Outcome outcome, Reason reason,
                              String detail, Integer keySetVersion) {
    public ImportedOutcome {
        Objects.requireNonNull(tagId, "tagId");
        Objects.requireNonNull(chipUid, "chipUid");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }
}
