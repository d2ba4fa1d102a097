package com.tagline.simulator.pn532;

import com.tagline.hardware.tag.Ats;
import com.tagline.hardware.tag.BitRate;
import com.tagline.simulator.field.FieldChip;
import java.util.Objects;

/**
 * One exchange between the PN532 and a chip in its field, as a {@link TimingModel} sees it: what kind, the
 * frame the PN532 sends (without CRC_A and ISO-DEP block header), the bit rate, and the chip's ATS and UID
 * length. Arrays are copied in and out.
 *
 * @param kind what the exchange is
 * @param frame the C-APDU, the Type 2 frame or the raw block; empty for activations and PPS
 * @param rate the RF bit rate of the exchange
 * @param ats the ATS the chip sends after RATS (TL first); empty for a Type 2 chip or an activation without RATS
 * @param uidLength the chip's UID length, which sets the cascade levels of an activation
 */
public record RfExchange(Kind kind, byte[] frame, BitRate rate, byte[] ats, int uidLength) {
    /** The kinds of exchange with a chip. */
    public enum Kind {
        /** REQA/WUPA, anticollision and select per cascade level, and RATS/ATS for an ISO-DEP chip. */
        ACTIVATION,
        /** One C-APDU in ISO-DEP I-blocks and its R-APDU back, chained per FSC and FSD. */
        APDU,
        /** One ISO/IEC 14443-3 frame (a Type 2 command or a raw ISO-DEP block) and its answer. */
        FRAME,
        /** PPS request and response (ISO/IEC 14443-4 §5.3), sent at 106 kbit/s. */
        PPS
    }

    public RfExchange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rate, "rate");
        frame = frame.clone();
        ats = ats.clone();
    }

    @Override
    public byte[] frame() {
        return frame.clone();
    }

    @Override
    public byte[] ats() {
        return ats.clone();
    }

    /** The ATS's parameters (FSC, FWI, SFGI), or the standard's defaults without an ATS. */
    public Ats atsParameters() {
        return Ats.parse(ats).orElse(Ats.defaults());
    }

    static RfExchange activation(FieldChip chip, boolean rats) {
        return new RfExchange(Kind.ACTIVATION, new byte[0], BitRate.KBPS_106, rats ? chip.ats() : new byte[0],
                chip.uid().length);
    }

    /** An APDU to {@code target} through the firmware's ISO-DEP, at the {@code rate} of the chip's session. */
    static RfExchange apdu(ListedTarget target, byte[] apdu, BitRate rate) {
        FieldChip chip = target.chip();
        return new RfExchange(Kind.APDU, apdu, rate, chip.ats(), chip.uid().length);
    }

    /**
     * One frame to {@code chip} at {@code rate}; {@code isoDep} when the chip answers it in an ISO-DEP session
     * (a raw block), false for a Type 2 command.
     */
    static RfExchange frame(FieldChip chip, boolean isoDep, byte[] frame, BitRate rate) {
        return new RfExchange(Kind.FRAME, frame, rate, isoDep ? chip.ats() : new byte[0], chip.uid().length);
    }

    /** A raw frame while the firmware addresses no target (a host running its own activation): 106 kbit/s. */
    static RfExchange unaddressed(byte[] frame) {
        return new RfExchange(Kind.FRAME, frame, BitRate.KBPS_106, new byte[0], 0);
    }

    /** InPSL's PPS to {@code target}, at 106 kbit/s (ISO/IEC 14443-4 §5.3). */
    static RfExchange pps(ListedTarget target) {
        FieldChip chip = target.chip();
        return new RfExchange(Kind.PPS, new byte[0], BitRate.KBPS_106, chip.ats(), chip.uid().length);
    }
}
