package com.tagline.simulator.field;

/**
 * Thrown by a {@link FieldChip} while it processes a frame when the RF field drops for it (a tear,
 * architecture §7): the answer never reaches the reader. Whether the command was applied is the chip's
 * business ({@link TearPoint}); the reader emulator answers like an RF timeout and power-cycles the chip,
 * which stays in the field (a glitch of the field: it answers the next activation) or leaves it.
 */
public final class ChipTornException extends RuntimeException {
    private final boolean staysInField;

    public ChipTornException(String message, boolean staysInField) {
        super(message);
        this.staysInField = staysInField;
    }

    /** The chip is still at the antenna after the tear (it answers the next activation). */
    public boolean staysInField() {
        return staysInField;
    }
}
