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
 * @param encoderToRejectMin least running time an item tracked from the encoder eye needs to reach the reject
 *                           eye: the belt's travel time less half an item pitch. An item at the reject eye
 *                           sooner is one the controller never tracked (left on the belt by a crash or a
 *                           power cut, put on by hand) and is rejected without taking the tracked item's place
 * @param rejectEyeClear max running time for an item to clear the reject eye
 * @param idleAfter running time without an item at the encoder after which the line is idle
 */
public record LineTiming(Duration debounce, Duration gatePulse, Duration encoderEyeClear,
                         Duration encoderToReject, Duration encoderToRejectMin, Duration rejectEyeClear,
                         Duration idleAfter) {
    public LineTiming {
        for (Duration d : List.of(debounce, gatePulse, encoderEyeClear, encoderToReject, encoderToRejectMin,
                rejectEyeClear, idleAfter)) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative line timing " + d);
            }
        }
        if (encoderToRejectMin.compareTo(encoderToReject) >= 0) {
            throw new IllegalArgumentException("the least travel time to the reject eye must be below its limit");
        }
    }

    /**
     * The same line with its belt running {@code speedup} times as fast: the limits counted in running time
     * (clearing the eyes, the travel to the reject eye and its least time) shrink by that factor; debounce, the
     * gate's pulse and the idle time stay.
     */
    public LineTiming forBeltSpeedup(double speedup) {
        if (!(speedup > 0)) {
            throw new IllegalArgumentException("belt speed-up must be positive, got " + speedup);
        }
        return new LineTiming(debounce, gatePulse, shrink(encoderEyeClear, speedup), shrink(encoderToReject, speedup),
                shrink(encoderToRejectMin, speedup), shrink(rejectEyeClear, speedup), idleAfter);
    }

    private static Duration shrink(Duration d, double speedup) {
        return Duration.ofNanos(Math.round(d.toNanos() / speedup));
    }

    /**
     * Limits for the simulator's standard layout: 200 mm/s, 240 mm from the encoder eye to the reject eye, 40 mm
     * items, so a tracked item (its clock starts when it has cleared the encoder eye) reaches the reject eye
     * after 1.0 s of running; at 60 mm pitch the item ahead of it gets there 0.3 s earlier. 0.85 s tells them apart.
     */
    public static LineTiming standard() {
        return new LineTiming(Duration.ofMillis(5), Duration.ofMillis(80), Duration.ofMillis(600),
                Duration.ofMillis(1800), Duration.ofMillis(850), Duration.ofMillis(600), Duration.ofSeconds(3));
    }
}
