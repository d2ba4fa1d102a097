package com.tagline.station.line;

import java.time.Duration;
import java.util.List;

/**
 * Time limits of the line controller. Travel limits count motor-running time only, so an item
 * waiting on a stopped belt (index mode) never times out.
 *
 * @param debounce an input must hold a new level this long before it counts
 * @param gatePulse how long the reject gate stays out
 * @param encoderEyeClear max running time for an encoded item to clear the encoder eye
 * @param encoderToReject max running time from leaving the encoder eye to the reject eye
 * @param rejectEyeClear max running time for an item to clear the reject eye
 * @param idleAfter running time without an item at the encoder after which the line is idle
 */
public record LineTiming(Duration debounce, Duration gatePulse, Duration encoderEyeClear,
                         Duration encoderToReject, Duration rejectEyeClear, Duration idleAfter) {
    public LineTiming {
        for (Duration d : List.of(debounce, gatePulse, encoderEyeClear, encoderToReject, rejectEyeClear,
                idleAfter)) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative line timing " + d);
            }
        }
    }

    /** Limits for the simulator's standard layout (200 mm/s, 240 mm from encoder to reject eye). */
    public static LineTiming standard() {
        return new LineTiming(Duration.ofMillis(5), Duration.ofMillis(80), Duration.ofMillis(600),
                Duration.ofMillis(1800), Duration.ofMillis(600), Duration.ofSeconds(3));
    }
}
