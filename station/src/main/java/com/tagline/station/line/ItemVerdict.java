package com.tagline.station.line;

/** The encoder's word on one item, as the line acts on it at the reject gate. */
public enum ItemVerdict {
    PASSED,
    FAILED,
    /** Encoding was aborted (e-stop); the chip is never treated as configured and is rejected. */
    INTERRUPTED
}
