package com.tagline.station.workflow;

import java.util.Optional;

/**
 * The reader's field as the encoder sees it: whatever chip is at the antenna now. Implementations
 * are the PN532 ({@link Pn532Antenna}) and the simulators' chips.
 *
 * <p>Threading: used by the one thread that owns the reader (architecture §3).
 */
public interface Antenna {
    /** Activates the chip at the antenna; empty when no chip answers. */
    Optional<ChipInField> detect();

    /**
     * After the chip was lost mid-exchange: activates whatever is at the antenna again. A chip that
     * only lost the field for a moment comes back with the same UID; one that left does not.
     */
    default Optional<ChipInField> reactivate() {
        return detect();
    }
}
