package com.tagline.simulator.ntag223;

import com.tagline.hardware.ntag223.sun.TamperState;
import java.util.Objects;

/**
 * The StatusDetect tamper wire of one simulated chip, which a test can open, close or make unreadable.
 * The chip measures it once per power-up, as NTAG 213 TT does (ntag223.md §10 [inferred]), so a change
 * shows in the SUN message after the next {@code powerCycle()}.
 *
 * <p>Not thread-safe; owned by the thread that drives the chip.
 */
public final class TamperLoop {
    private TamperState state;

    TamperLoop(TamperState initial) {
        this.state = Objects.requireNonNull(initial);
    }

    /** The wire is cut or the closure opened: the next measurement reads 'O'. */
    public void open() {
        state = TamperState.OPEN;
    }

    /** The wire is intact: the next measurement reads 'C'. */
    public void close() {
        state = TamperState.CLOSED;
    }

    /** The measurement fails (e.g. weak field): the next measurement reads 'I'. */
    public void makeUnreadable() {
        state = TamperState.INVALID;
    }

    public TamperState state() {
        return state;
    }

    @Override
    public String toString() {
        return "TamperLoop[" + state + "]";
    }
}
