package com.tagline.station.workflow;

import com.tagline.hardware.tag.TagLink;
import java.util.Objects;

/**
 * One activated chip at the antenna.
 *
 * @param uidHex   the anticollision UID, upper-case hex
 * @param protocol the chip kind the reader saw at activation ({@code ntag_424_dna} for an ISO-DEP
 *                 target, {@code ntag_223_dna} for a Type 2 target), or {@code unknown}; the recipe's
 *                 own inspection (GetVersion) still decides whether it is really that chip
 */
public record ChipInField(TagLink link, String uidHex, String protocol) {
    public ChipInField {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(uidHex, "uidHex");
        Objects.requireNonNull(protocol, "protocol");
    }
}
