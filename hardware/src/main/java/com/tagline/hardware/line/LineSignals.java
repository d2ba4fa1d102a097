package com.tagline.hardware.line;

import java.util.Objects;
import java.util.Optional;

/**
 * Which configured signal plays which role on the line. The e-stop signal is "active" when a stop
 * is requested; wire it normally closed with the pull resistor on the stop side, so that a broken
 * wire reads as the pulled level, which is stop.
 *
 * @param infeedReady optional; {@code null} when the line has no infeed handshake
 * @param outfeedFull optional; {@code null} when the line has no outfeed sensor
 */
public record LineSignals(String conveyor, String encoderEye, String rejectEye, String rejectGate,
                          String green, String amber, String red, String buzzer, String estop,
                          String infeedReady, String outfeedFull) {
    public LineSignals {
        Objects.requireNonNull(conveyor, "conveyor");
        Objects.requireNonNull(encoderEye, "encoderEye");
        Objects.requireNonNull(rejectEye, "rejectEye");
        Objects.requireNonNull(rejectGate, "rejectGate");
        Objects.requireNonNull(green, "green");
        Objects.requireNonNull(amber, "amber");
        Objects.requireNonNull(red, "red");
        Objects.requireNonNull(buzzer, "buzzer");
        Objects.requireNonNull(estop, "estop");
    }

    /** The names used by the example configurations and the simulator. */
    public static LineSignals standard() {
        return new LineSignals("conveyor", "encoder-eye", "reject-eye", "reject-gate", "light-green",
                "light-amber", "light-red", "buzzer", "estop", "infeed-ready", "outfeed-full");
    }

    public Optional<String> infeedReadySignal() {
        return Optional.ofNullable(infeedReady);
    }

    public Optional<String> outfeedFullSignal() {
        return Optional.ofNullable(outfeedFull);
    }
}
