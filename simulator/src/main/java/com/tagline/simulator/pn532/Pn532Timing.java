package com.tagline.simulator.pn532;

import java.time.Duration;
import java.util.Objects;

/**
 * The emulator's timing: what it does with modeled time ({@link Mode}) and the {@link TimingModel} that says
 * how long each host command and each exchange with a chip takes. The serial line always costs 10 bit times
 * per byte (start, 8 data, stop; 8N1 as the PN532 HSU uses, pn532.md §4) at the current baud rate, both
 * directions ({@link #lineTime}).
 *
 * <ul>
 *   <li>{@link Mode#OFF} (default): no delays and no modeled time.</li>
 *   <li>{@link Mode#ACCOUNTING}: nothing sleeps; the modeled time is only summed into
 *       {@link Pn532Counters#modeledTime()} so a benchmark can report it quickly.</li>
 *   <li>{@link Mode#REAL_TIME}: the emulator waits the modeled time (and sums it too). While waiting it keeps
 *       reading the line, so a host ACK still aborts the command (UM0701-02 §6.2.1.3).</li>
 * </ul>
 *
 * @param mode  what the emulator does with modeled time
 * @param model how long commands and chip exchanges take
 */
public record Pn532Timing(Mode mode, TimingModel model) {
    /** What the timing model does with the modeled time. */
    public enum Mode {
        OFF,
        ACCOUNTING,
        REAL_TIME
    }

    public Pn532Timing {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(model, "model");
    }

    /** No delays, no modeled time (the default). */
    public static Pn532Timing off() {
        return new Pn532Timing(Mode.OFF, new FlatTiming(Duration.ZERO, Duration.ZERO));
    }

    /** Sums modeled time of {@code model} without sleeping. */
    public static Pn532Timing accounting(TimingModel model) {
        return new Pn532Timing(Mode.ACCOUNTING, model);
    }

    /** Waits the modeled time of {@code model}. */
    public static Pn532Timing realTime(TimingModel model) {
        return new Pn532Timing(Mode.REAL_TIME, model);
    }

    /** Sums modeled time of a {@link FlatTiming} without sleeping. */
    public static Pn532Timing accounting(Duration commandTime, Duration rfExchangeTime) {
        return accounting(new FlatTiming(commandTime, rfExchangeTime));
    }

    /** Waits the modeled time of a {@link FlatTiming}. */
    public static Pn532Timing realTime(Duration commandTime, Duration rfExchangeTime) {
        return realTime(new FlatTiming(commandTime, rfExchangeTime));
    }

    /** Transfer time of {@code bytes} bytes at {@code baud}, 10 bit times each. */
    public static Duration lineTime(long bytes, int baud) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive");
        }
        return Duration.ofNanos(bytes * 10L * 1_000_000_000L / baud);
    }
}
