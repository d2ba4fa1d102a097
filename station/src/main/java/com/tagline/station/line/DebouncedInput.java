package com.tagline.station.line;

import java.time.Duration;
import java.time.Instant;

/**
 * One input seen through a stability filter: a new level counts once it held for the window. This
 * swallows contact chatter at an edge and single glitches alike, at the cost of the window as
 * latency (5 ms at 200 mm/s is 1 mm of belt).
 */
final class DebouncedInput {
    private final Duration window;
    private boolean raw;
    private boolean stable;
    private Instant rawSince;

    DebouncedInput(Duration window, boolean initial, Instant now) {
        this.window = window;
        this.raw = initial;
        this.stable = initial;
        this.rawSince = now;
    }

    void offer(boolean level, Instant at) {
        if (level != raw) {
            raw = level;
            rawSince = at;
        }
    }

    /** @return {@code true} if the accepted level changed now */
    boolean settle(Instant now) {
        if (raw != stable && !now.isBefore(rawSince.plus(window))) {
            stable = raw;
            return true;
        }
        return false;
    }

    /**
     * The level was acted on at its raw edge, without the window (the e-stop): it counts as the
     * stable level now, so that its release is an edge even when it comes within the window.
     */
    void actedOn(boolean level) {
        raw = level;
        stable = level;
    }

    boolean stable() {
        return stable;
    }

    boolean raw() {
        return raw;
    }
}
