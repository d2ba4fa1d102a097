package com.tagline.hardware.line;

import java.time.Duration;
import java.util.Objects;

/**
 * One line signal on one GPIO pin.
 *
 * @param name signal name as used in configuration and by {@link LineIo}
 * @param bcm Broadcom GPIO number (not the header pin number)
 * @param direction input or output
 * @param activeHigh {@code true} if a high level means "active" (item present, motor on, ...)
 * @param pull pull resistor for inputs; {@link Pull#NONE} for outputs
 * @param debounce input debounce handed to the GPIO provider; zero for outputs
 */
public record PinConfig(String name, int bcm, Direction direction, boolean activeHigh, Pull pull,
                        Duration debounce) {
    public PinConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(debounce, "debounce");
        if (name.isBlank()) {
            throw new IllegalArgumentException("signal name is blank");
        }
        // BCM 0..27 are the header GPIOs on every 40-pin Raspberry Pi.
        if (bcm < 0 || bcm > 27) {
            throw new IllegalArgumentException(name + ": BCM " + bcm + " is not a header GPIO");
        }
        if (debounce.isNegative()) {
            throw new IllegalArgumentException(name + ": negative debounce");
        }
    }

    public static PinConfig input(String name, int bcm, boolean activeHigh, Pull pull, Duration debounce) {
        return new PinConfig(name, bcm, Direction.INPUT, activeHigh, pull, debounce);
    }

    public static PinConfig output(String name, int bcm, boolean activeHigh) {
        return new PinConfig(name, bcm, Direction.OUTPUT, activeHigh, Pull.NONE, Duration.ZERO);
    }

    /** The electrical level (true = high) that means {@code active} on this pin. */
    public boolean levelFor(boolean active) {
        return active == activeHigh;
    }
}
