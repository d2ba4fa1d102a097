package com.tagline.station.simulate;

import com.tagline.hardware.serial.PipeSerialLink;
import com.tagline.hardware.serial.SerialLink;
import com.tagline.simulator.field.FieldChip;
import com.tagline.simulator.pn532.Pn532Emulator;

/**
 * A simulated station's reader: the PN532 emulator speaking HSU frames over an in-memory pipe, whose host
 * end the station opens as its {@code sim:} reader link. The simulation puts one chip at a time at the
 * antenna and takes it away; a torn chip that left the field is already gone.
 *
 * <p>Threading: the simulation's thread places chips; the emulator serves frames on its own thread.
 */
final class SimulatedReader implements AutoCloseable {
    private final PipeSerialLink[] pipe = PipeSerialLink.pair();
    private final Pn532Emulator emulator = new Pn532Emulator(pipe[1]);
    private FieldChip atAntenna;

    SimulatedReader() {
        emulator.start();
    }

    /** The emulator sums the modeled time of every command (a datasheet timing model) without waiting it. */
    SimulatedReader modeled(com.tagline.simulator.pn532.TimingModel model) {
        emulator.timing(com.tagline.simulator.pn532.Pn532Timing.accounting(model));
        return this;
    }

    /** The modeled time summed since the reader started. */
    java.time.Duration modeledTime() {
        return emulator.counters().modeledTime();
    }

    /** The station's end of the link. */
    SerialLink hostEnd() {
        return pipe[0];
    }

    /** Puts {@code chip} at the antenna (taking away the one there). */
    void present(SimulatedChip chip) {
        remove();
        atAntenna = chip.inField();
        emulator.addChip(atAntenna);
    }

    /** Takes the chip away from the antenna, if it is still there. */
    void remove() {
        if (atAntenna != null) {
            emulator.removeChip(atAntenna);
            atAntenna = null;
        }
    }

    @Override
    public void close() {
        emulator.close();
        pipe[0].close();
    }
}
