package com.tagline.simulator.line;

import java.time.Duration;

/**
 * Geometry and speed of the simulated conveyor, positions in millimetres from the infeed.
 *
 * @param pitchMm distance between the leading edges of consecutive items as they are fed
 * @param itemLengthMm length of one item along the belt
 * @param speedMmPerSecond belt speed while the motor runs
 * @param encoderEyeMm position of the encoder photo-eye (the antenna sits there)
 * @param rejectEyeMm position of the reject photo-eye; the gate acts on the item covering it
 * @param outfeedEndMm an item whose trailing edge passes this point has left the line as good
 * @param step simulation step; also the resolution of sensor edges in virtual time
 */
public record ConveyorLayout(double pitchMm, double itemLengthMm, double speedMmPerSecond,
                             double encoderEyeMm, double rejectEyeMm, double outfeedEndMm,
                             Duration step) {
    public ConveyorLayout {
        if (itemLengthMm <= 0 || pitchMm <= itemLengthMm) {
            throw new IllegalArgumentException("pitch must exceed the item length");
        }
        if (!(0 < encoderEyeMm && encoderEyeMm < rejectEyeMm && rejectEyeMm < outfeedEndMm)) {
            throw new IllegalArgumentException("need 0 < encoder eye < reject eye < outfeed end");
        }
        if (speedMmPerSecond <= 0 || step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("speed and step must be positive");
        }
    }

    /** 40 mm items at 60 mm pitch, 200 mm/s, four pitches between encoder and gate, 1 ms steps. */
    public static ConveyorLayout standard() {
        return new ConveyorLayout(60, 40, 200, 100, 340, 420, Duration.ofMillis(1));
    }

    /** This layout with the belt running {@code speedup} times as fast. */
    public ConveyorLayout faster(double speedup) {
        return new ConveyorLayout(pitchMm, itemLengthMm, speedMmPerSecond * speedup, encoderEyeMm, rejectEyeMm,
                outfeedEndMm, step);
    }

    double travelPerStep() {
        return speedMmPerSecond * step.toNanos() / 1e9;
    }
}
