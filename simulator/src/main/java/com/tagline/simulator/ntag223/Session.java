package com.tagline.simulator.ntag223;

import com.tagline.hardware.ntag223.sun.TamperState;

/**
 * The volatile state of a simulated NTAG 223 DNA, lost at power-down (NTAG21x state machine
 * [inferred]): selected or IDLE/HALT, password authentication, whether this power-up's first read was
 * counted, a COMPATIBILITY_WRITE waiting for its data frame, and the tamper loop measured at power-up.
 */
final class Session {
    boolean active = true;
    boolean authenticated;
    boolean counted;
    int compatibilityWritePage = -1;
    TamperState measuredTamper = TamperState.CLOSED;

    /** Re-selection: answering again, not authenticated, nothing pending. */
    void select() {
        active = true;
        authenticated = false;
        compatibilityWritePage = -1;
    }

    /** IDLE or HALT: mute until selected again, authentication gone. */
    void deselect() {
        active = false;
        authenticated = false;
        compatibilityWritePage = -1;
    }
}
