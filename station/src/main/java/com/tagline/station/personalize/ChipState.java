package com.tagline.station.personalize;

/** What inspection found on a chip before anything was written (ntag424.md §11 station logic). */
public enum ChipState {
    /** Factory settings, every key version 00. */
    BLANK,
    /** Our keys everywhere and our SDM layout: only verification is left. */
    PERSONALIZED,
    /** Some of our steps applied (a tear or crash between steps); key 0 still factory, so it resumes. */
    PARTIAL,
    /** Keys or settings we did not write: never forced, never guessed. */
    FOREIGN,
    /** The originality signature is not from a trusted key, or the UID does not match. */
    NOT_GENUINE,
    /** Not an NTAG 424 DNA (GetVersion), or Random ID is on. */
    WRONG_KIND
}
