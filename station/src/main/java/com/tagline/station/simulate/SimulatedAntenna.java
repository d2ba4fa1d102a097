package com.tagline.station.simulate;

import com.tagline.station.workflow.Antenna;
import com.tagline.station.workflow.ChipInField;
import java.util.Optional;

/**
 * The antenna of a simulated station: holds the chip the conveyor (or the bench) put there. A chip
 * lost mid-exchange comes back on reactivation only when its defect is a tear that leaves it at the
 * antenna ({@link ChipDefect#TORN_THEN_RESUMED}); one that {@link ChipDefect#LEAVES_FIELD} is gone.
 *
 * <p>Threading: the simulation's one thread.
 */
final class SimulatedAntenna implements Antenna {
    private SimulatedChip chip;

    /** The chip now at the antenna (null: none). */
    void present(SimulatedChip value) {
        this.chip = value;
    }

    @Override
    public Optional<ChipInField> detect() {
        return chip == null ? Optional.empty()
                : Optional.of(ChipInField.of(chip.link(), chip.uidHex(), chip.protocol()));
    }

    @Override
    public Optional<ChipInField> reactivate() {
        if (chip == null || chip.defect() == ChipDefect.LEAVES_FIELD) {
            return Optional.empty();
        }
        chip.putBack().run();
        return detect();
    }
}
