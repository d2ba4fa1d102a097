package com.tagline.station.personalize;

/**
 * What inspection found on a chip before anything was written (ntag424.md §11 station logic, ntag223.md §7
 * steps 1–2).
 */
public enum ChipState {
    /** Factory settings: every key version 00 (424); mirror off, key unlocked, no password protection (223). */
    BLANK,
    /** Our keys everywhere and our SDM/mirror layout, locked as the recipe leaves it: only verification is left. */
    PERSONALIZED,
    /**
     * Some of our steps applied (a tear or crash between steps) and the rest can still be done: key 0 still
     * factory (424); password protection not yet on (223). It resumes.
     */
    PARTIAL,
    /** Keys or settings we did not write: never forced, never guessed. */
    FOREIGN,
    /** The originality signature is not from a trusted key, or the UID does not match. */
    NOT_GENUINE,
    /** Not the chip kind the recipe is for (GetVersion / GET_VERSION), or Random ID is on (424). */
    WRONG_KIND
}
