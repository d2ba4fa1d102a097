package com.tagline.hardware.line;

/**
 * Named digital inputs and outputs of the line, in logical terms: {@code active} means item
 * present, motor running, light on, stop requested, whatever the pin's polarity.
 *
 * <p>Threading: {@link #set} is called by the line controller's thread only (architecture §3).
 * Listeners run on the I/O implementation's threads (pi4j's monitor or the watchdog) and must hand
 * the change to the controller's thread rather than act on it.
 *
 * <p>{@link #close()} drives every output to its inactive (safe) state and is idempotent.
 */
public interface LineIo extends AutoCloseable {
    boolean isActive(String signal);

    void set(String signal, boolean active);

    void addListener(LineListener listener);

    /** Drives every output inactive: motor off, gate retracted, lights and buzzer off. */
    void safeOutputs();

    @Override
    void close();
}
