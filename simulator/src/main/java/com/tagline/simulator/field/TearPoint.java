package com.tagline.simulator.field;

/** Where a simulated tear interrupts a command (architecture §7: torn writes). */
public enum TearPoint {
    /** The chip loses power before it applies the command: its state is unchanged. */
    BEFORE_APPLY,
    /** The chip applies the command completely, then loses power: the answer never reaches the host. */
    AFTER_APPLY
}
