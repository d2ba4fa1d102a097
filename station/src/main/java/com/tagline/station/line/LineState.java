package com.tagline.station.line;

/** What the line is doing, as the operator sees it; each maps to one stack-light colour. */
public enum LineState {
    /** Not started. Lights off. */
    STOPPED,
    /** Belt running towards the next item. Green. */
    RUNNING,
    /** Belt stopped, chip at the antenna being encoded. Green. */
    ENCODING,
    /** Running, but no item arrived for {@link LineTiming#idleAfter()} or the infeed is not ready. Amber. */
    IDLE,
    /** Outfeed full, or paused by the operator ({@link LineController#operatorPaused()}): belt held. Amber. */
    PAUSED,
    /** E-stop released; waits for the operator's reset. Amber. */
    AWAIT_RESET,
    /** A jam; {@link LineController#fault()} names the sensor. Red and buzzer, needs a reset. */
    FAULT,
    /** E-stop active (pressed or wire broken). Red. */
    ESTOP
}
