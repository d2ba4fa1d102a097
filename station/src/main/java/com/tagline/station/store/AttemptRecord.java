package com.tagline.station.store;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Step;
import java.time.Instant;
import java.util.Optional;

/**
 * One stored chip attempt.
 *
 * @param stepReached the last step whose intent was committed; empty before the first step
 */
public record AttemptRecord(long attemptId, String tagId, String chipUid, ChipProtocol protocol, int attemptNumber,
                            Optional<Step> stepReached, AttemptState state, Instant startedAt, Instant updatedAt) {
}
