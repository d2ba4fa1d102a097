package com.tagline.simulator.pn532;

/** When a chip leaves the field during an exchange (see {@link Pn532Faults#chipLeavesOnNextExchange}). */
public enum LeavePoint {
    /** The chip leaves before it receives the frame: the command is not applied. */
    BEFORE_PROCESSING,
    /** The chip applies the command, then leaves before its answer reaches the reader. */
    AFTER_PROCESSING
}
