package com.tagline.simulator.ntag424;

import com.tagline.simulator.field.FieldChip;
import java.util.Objects;

/**
 * Hosts a {@link SimulatedNtag424} in a reader emulator's RF field: ISO 14443-3 identification (UID,
 * ATQA 0344, SAK 20, ATS 06 77 77 71 02 80 as in ntag424.md §1) and ISO-DEP APDUs.
 *
 * <p>The chip is an ISO-DEP target: once activated it answers ISO 14443-4 blocks only, so a raw Type 2
 * frame finds it mute ({@link #processType2} returns an empty array).
 *
 * <p>Threading: not thread-safe; the thread that drives the field owns the chip (see {@link FieldChip}).
 */
public final class Ntag424FieldChip implements FieldChip {
    private final SimulatedNtag424 chip;

    public Ntag424FieldChip(SimulatedNtag424 chip) {
        this.chip = Objects.requireNonNull(chip, "chip");
    }

    /** The hosted chip, for inspection by tests and tools. */
    public SimulatedNtag424 chip() {
        return chip;
    }

    @Override
    public byte[] uid() {
        return chip.uid();
    }

    @Override
    public int atqa() {
        return SimulatedNtag424Link.ATQA;
    }

    @Override
    public int sak() {
        return SimulatedNtag424Link.SAK;
    }

    @Override
    public byte[] ats() {
        return SimulatedNtag424Link.ATS.clone();
    }

    @Override
    public byte[] processApdu(byte[] apdu) {
        return chip.process(apdu);
    }

    /** Mute: an activated ISO-DEP chip ignores frames that are not ISO 14443-4 blocks. */
    @Override
    public byte[] processType2(byte[] frame) {
        return new byte[0];
    }

    @Override
    public void powerCycle() {
        chip.powerCycle();
    }

    /** Re-activation (RATS): the chip's RF reset, which is also what S(DESELECT) and a new RATS leave behind. */
    @Override
    public void activate() {
        chip.powerCycle();
    }

    @Override
    public String toString() {
        return "Ntag424FieldChip[" + chip.uidHex() + "]";
    }
}
