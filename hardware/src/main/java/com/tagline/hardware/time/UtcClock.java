package com.tagline.hardware.time;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that is always in UTC, as the station's times are (logs, the store, the platforms): only
 * {@link #instant()} is left to the subclass, and {@link #withZone} returns the clock itself.
 */
public abstract class UtcClock extends Clock {
    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        return this;
    }
}
