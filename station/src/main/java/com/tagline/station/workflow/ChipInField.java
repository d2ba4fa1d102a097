package com.tagline.station.workflow;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.hardware.tag.TagLink;
import java.util.Objects;
import java.util.Optional;

/**
 * One activated chip at the antenna.
 *
 * @param uidHex   the anticollision UID, upper-case hex
 * @param protocol the chip kind the reader saw at activation (NTAG 424 DNA for an ISO-DEP target, NTAG 223
 *                 DNA for a Type 2 target), empty for any other kind; the recipe's own inspection
 *                 (GetVersion) still decides whether it is really that chip
 * @param kind     how the reader saw it, for messages: the protocol code, or e.g. {@code unknown (SAK 08)}
 */
public record ChipInField(TagLink link, String uidHex, Optional<ChipProtocol> protocol, String kind) {
    public ChipInField {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(uidHex, "uidHex");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(kind, "kind");
    }

    /** A chip of a known protocol. */
    public static ChipInField of(TagLink link, String uidHex, ChipProtocol protocol) {
        return new ChipInField(link, uidHex, Optional.of(protocol), protocol.code());
    }
}
