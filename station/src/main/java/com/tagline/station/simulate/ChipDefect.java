package com.tagline.station.simulate;

import com.tagline.station.personalize.Reason;

/** What can be wrong with a simulated chip on the line, and what the station must conclude. */
public enum ChipDefect {
    /** A good chip. */
    NONE,
    /** Signed by an untrusted originality key: must end {@code counterfeit}. */
    COUNTERFEIT,
    /**
     * Key 0 already changed by someone else (version 7; NTAG 223 DNA: someone else's SUNCMAC_KEY locked):
     * must end {@code not_blank}, never forced.
     */
    FOREIGN,
    /** Leaves the field during an irreversible step and does not come back: must end {@code tag_lost}. */
    LEAVES_FIELD,
    /** The field drops during one irreversible step; the chip comes back and must resume to configured. */
    TORN_THEN_RESUMED;

    /** The outcome the station must reach for a chip with this defect. */
    public Reason expectedReason() {
        return switch (this) {
            case NONE, TORN_THEN_RESUMED -> Reason.CONFIGURED;
            case COUNTERFEIT -> Reason.COUNTERFEIT;
            case FOREIGN -> Reason.NOT_BLANK;
            case LEAVES_FIELD -> Reason.TAG_LOST;
        };
    }
}
