package com.tagline.simulator.pn532;

import com.tagline.simulator.field.FieldChip;

/**
 * One entry of the PN532 target table (UM0701-02 §7.3.5: up to two targets, numbered Tg 1 and 2): the chip,
 * whether it was activated at ISO 14443-4 level (RATS), the firmware's ISO-DEP block number for it (PCD side,
 * ISO/IEC 14443-4 §7.5.4.1), and what happened to it since: deselected by the host, parked by the firmware
 * while it talks to another target, lost.
 *
 * <p>Threading: emulator thread only.
 */
final class ListedTarget {
    private final int tg;
    private final FieldChip chip;
    private final boolean isoDep;
    private boolean deselected;
    private boolean parked;
    private boolean lost;
    private int pcdBlockNumber;

    ListedTarget(int tg, FieldChip chip, boolean isoDep) {
        this.tg = tg;
        this.chip = chip;
        this.isoDep = isoDep;
    }

    /** ISO/IEC 14443-4 §7.5.4.1 rule 1: the PCD's block number, 0 after activation. */
    int pcdBlockNumber() {
        return pcdBlockNumber;
    }

    /** Rule 2: an I-block or R(ACK) with the current number was received. */
    void togglePcdBlockNumber() {
        pcdBlockNumber ^= 1;
    }

    /** Re-activation (RATS) starts the block numbering again. */
    void reactivated() {
        pcdBlockNumber = 0;
    }

    int tg() {
        return tg;
    }

    FieldChip chip() {
        return chip;
    }

    /** Activated with RATS: InDataExchange carries APDUs. */
    boolean isoDep() {
        return isoDep;
    }

    /** Halted by InDeselect; InSelect or InDataExchange wakes it again. */
    boolean deselected() {
        return deselected;
    }

    void deselected(boolean value) {
        this.deselected = value;
    }

    /**
     * Halted by the firmware itself, which keeps one target active on the RF at a time (ISO/IEC 14443-3 §6.3:
     * an ACTIVE chip would leave ACTIVE on the next REQA); it wakes it again when the host addresses it.
     */
    boolean parked() {
        return parked;
    }

    void parked(boolean value) {
        this.parked = value;
    }

    /** The chip left the field, or the field went off: the target can no longer answer. */
    boolean lost() {
        return lost;
    }

    void markLost() {
        this.lost = true;
    }
}
