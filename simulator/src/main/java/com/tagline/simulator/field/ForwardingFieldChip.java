package com.tagline.simulator.field;

import com.tagline.hardware.tag.BitRate;
import java.util.Objects;

/**
 * Base of {@link FieldChip} decorators (architecture §2, as {@link com.tagline.hardware.tag.ForwardingTagLink}
 * for links): forwards everything, PPS and re-activation included, to the wrapped chip, so a decorator
 * overrides only what it changes. Threading as the wrapped chip.
 */
public abstract class ForwardingFieldChip implements FieldChip {
    private final FieldChip chip;

    protected ForwardingFieldChip(FieldChip chip) {
        this.chip = Objects.requireNonNull(chip, "chip");
    }

    /** The chip it wraps. */
    public final FieldChip chip() {
        return chip;
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
    public boolean acceptsPps(BitRate toPicc, BitRate toPcd) {
        return chip.acceptsPps(toPicc, toPcd);
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
    public void powerCycle() {
        chip.powerCycle();
    }

    @Override
    public void activate() {
        chip.activate();
    }
}
