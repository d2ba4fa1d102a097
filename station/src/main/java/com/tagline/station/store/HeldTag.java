package com.tagline.station.store;

import java.time.Instant;

/**
 * A tag that belongs to a chip (architecture §5: from the chip's first irreversible step on) which has not
 * completed it: the station waits for that chip, or for it to be rejected or scrapped.
 *
 * @param since when the chip took it (the intent of its first irreversible step)
 */
public record HeldTag(String tagId, String chipUid, Instant since) {
}
