package com.tagline.station.line;

/**
 * The stack light and buzzer as lit now: green running, amber attention (idle, paused, waiting for a
 * reset, an alarm), red fault or e-stop, buzzer on a jam.
 */
public record StackLight(boolean green, boolean amber, boolean red, boolean buzzer) {
    /** Everything off (a line not started, or no conveyor). */
    public static final StackLight OFF = new StackLight(false, false, false, false);
}
