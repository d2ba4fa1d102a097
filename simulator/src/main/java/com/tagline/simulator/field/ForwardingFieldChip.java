package com.tagline.simulator.field;

import java.util.Objects;

/**
 * A {@link FieldChip} that hands every call to the chip it wraps: the base of decorators that change or watch
 * only some calls ({@link TearingChip} cuts one command; a test harness may record what the chip was sent).
 *
 * <p>Threading: that of the wrapped chip.
 */
public abstract class ForwardingFieldChip implements FieldChip {
    private final FieldChip chip;

    protected ForwardingFieldChip(FieldChip chip) {
        this.chip = Objects.requireNonNull(chip, "chip");
    }

    /** The chip it wraps. */
    public FieldChip chip() {
        return chip;
    }

    @Override
    public byte[] processApdu(byte[] apdu) {
        return chip.processApdu(apdu);
    }

    @Override
    public byte[] processType2(byte[] frame) {
        return chip.processType2(frame);
    }

    @Override
    public byte[] uid() {
        return chip.uid();
    }

    @Override
    public int atqa() {
        return chip.atqa();
    }

    @Override
    public int sak() {
        return chip.sak();
    }

    @Override
    public byte[] ats() {
        return chip.ats();
    }

    @Override
    public void powerCycle() {
        chip.powerCycle();
    }

    @Override
    public void activate() {
        chip.activate();
    }
}
