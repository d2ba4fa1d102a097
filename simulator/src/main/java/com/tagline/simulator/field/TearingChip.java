package com.tagline.simulator.field;

import java.util.Objects;

/**
 * A {@link FieldChip} whose field drops at one armed command (architecture §7: torn writes): the next
 * ISO-DEP command with a given INS ({@link #tearAtIns}), or the next Type 2 WRITE (A2h) of a given page
 * ({@link #tearAtWrite}), is cut before or after the chip applies it, once. The chip then stays at the
 * antenna or leaves it ({@link ChipTornException}). Every other call goes to the wrapped chip unchanged.
 *
 * <p>Threading: the reader emulator's thread, like the chip it wraps.
 */
public final class TearingChip extends ForwardingFieldChip {
    /** NFC Forum Type 2 WRITE (ntag223.md §4; NTAG datasheets: A2h, page address, four data bytes). */
    private static final int WRITE = 0xA2;

    private final boolean staysInField;
    private final TearPoint point;
    private final Integer ins;
    private final Integer page;
    private boolean armed = true;

    private TearingChip(FieldChip chip, TearPoint point, boolean staysInField, Integer ins, Integer page) {
        super(chip);
        this.point = Objects.requireNonNull(point, "point");
        this.staysInField = staysInField;
        this.ins = ins;
        this.page = page;
    }

    /** Tears the first C-APDU whose INS is {@code ins}. */
    public static TearingChip tearAtIns(FieldChip chip, int ins, TearPoint point, boolean staysInField) {
        return new TearingChip(chip, point, staysInField, ins & 0xFF, null);
    }

    /** Tears the first Type 2 WRITE of {@code page}. */
    public static TearingChip tearAtWrite(FieldChip chip, int page, TearPoint point, boolean staysInField) {
        return new TearingChip(chip, point, staysInField, null, page & 0xFF);
    }

    @Override
    public byte[] processApdu(byte[] apdu) {
        if (armed && ins != null && apdu.length > 1 && (apdu[1] & 0xFF) == ins) {
            return tear(() -> chip().processApdu(apdu), String.format("INS %02X", ins));
        }
        return chip().processApdu(apdu);
    }

    @Override
    public byte[] processType2(byte[] frame) {
        if (armed && page != null && frame.length > 1 && (frame[0] & 0xFF) == WRITE && (frame[1] & 0xFF) == page) {
            return tear(() -> chip().processType2(frame), String.format("WRITE page %02X", page));
        }
        return chip().processType2(frame);
    }

    private byte[] tear(java.util.function.Supplier<byte[]> apply, String what) {
        armed = false;
        if (point == TearPoint.AFTER_APPLY) {
            apply.get();
        }
        throw new ChipTornException("field lost at " + what + (point == TearPoint.AFTER_APPLY ? " after" : " before")
                + " applying", staysInField);
    }

    @Override
    public String toString() {
        return "TearingChip[" + chip() + "]";
    }
}
