package com.tagline.simulator.pn532;

import java.time.Duration;
import java.util.Objects;

/**
 * The emulator's timing model. The serial line costs 10 bit times per byte (start, 8 data, stop; 8N1 as
 * the PN532 HSU uses, pn532.md §4) at the current baud rate, both directions; each host command
 * costs {@code commandTime} of firmware processing and each exchange with a chip in the field
 * (activation, APDU, Type 2 frame) costs {@code rfExchangeTime}.
 *
 * <ul>
 *   <li>{@link Mode#OFF} (default): no delays and no modeled time.</li>
 *   <li>{@link Mode#ACCOUNTING}: nothing sleeps; the modeled time is only summed into
 *       {@link Pn532Counters#modeledTime()} so a benchmark can report it quickly.</li>
 *   <li>{@link Mode#REAL_TIME}: the emulator waits the modeled time (and sums it too). While waiting it keeps
 *       reading the line, so a host ACK still aborts the command (UM0701-02 §6.2.1.3).</li>
 * </ul>
 *
 * @param mode           what the model does
 * @param commandTime    firmware time per host command (not negative)
 * @param rfExchangeTime RF and chip processing time per exchange with a chip (not negative)
 */
public record Pn532Timing(Mode mode, Duration commandTime, Duration rfExchangeTime) {
    /** What the timing model does with the modeled time. */
    public enum Mode {
        OFF,
        ACCOUNTING,
        REAL_TIME
    }

    public Pn532Timing {
        Objects.requireNonNull(mode, "mode");
        if (commandTime.isNegative() || rfExchangeTime.isNegative()) {
            throw new IllegalArgumentException("timing durations must not be negative");
        }
    }

    /** No delays, no modeled time (the default). */
    public static Pn532Timing off() {
        return new Pn532Timing(Mode.OFF, Duration.ZERO, Duration.ZERO);
    }

    /** Sums modeled time without sleeping. */
    public static Pn532Timing accounting(Duration commandTime, Duration rfExchangeTime) {
        return new Pn532Timing(Mode.ACCOUNTING, commandTime, rfExchangeTime);
    }

    /** Waits the modeled time. */
    public static Pn532Timing realTime(Duration commandTime, Duration rfExchangeTime) {
        return new Pn532Timing(Mode.REAL_TIME, commandTime, rfExchangeTime);
    }

    /** Transfer time of {@code bytes} bytes at {@code baud}, 10 bit times each. */
    public static Duration lineTime(long bytes, int baud) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive");
        }
        return Duration.ofNanos(bytes * 10L * 1_000_000_000L / baud);
    }
}
