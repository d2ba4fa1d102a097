package com.tagline.simulator.field;

import com.tagline.hardware.tag.Ats;
import com.tagline.hardware.tag.BitRate;

/**
 * A simulated PICC that a reader emulator (the PN532 emulator) can host in its RF field: the data it
 * shows at ISO 14443-3 anticollision and the frames it answers once activated.
 *
 * <p>ISO-DEP chips (NTAG 424 DNA) answer APDUs; Type 2 chips (NTAG 223 DNA) answer raw NFC Forum
 * Type 2 frames. Frames here never carry CRC_A: the reader adds and checks it.
 *
 * <p>Threading: a chip is owned by the one thread that drives the field.
 */
public interface FieldChip {
    /** 4-bit ACK of a Type 2 WRITE (NFC Forum T2T §10; NTAG datasheets "ACK = Ah"), returned as one byte. */
    byte ACK = 0x0A;

    byte[] uid();

    /** ATQA as a 16-bit value (e.g. 0x0344 for NTAG 424 DNA, 0x0044 for NTAG 22x). */
    int atqa();

    /** SAK of the last cascade level (0x20 ISO-DEP, 0x00 Type 2). */
    int sak();

    /** ATS without its length byte semantics changed (e.g. 06 77 77 71 02 80); empty for Type 2 chips. */
    byte[] ats();

    default boolean isoDep() {
        return (sak() & 0x20) != 0;
    }

    /**
     * PPS after RATS (ISO/IEC 14443-4 §5.3): whether the chip confirms bit rate {@code toPicc} (DRI) and
     * {@code toPcd} (DSI). By default it takes what its ATS TA(1) announces (ISO/IEC 14443-4 §5.2.4) and stays
     * mute otherwise; a chip without an ATS takes no PPS. The rate itself lives in the reader emulator's link
     * state (frames carry no rate); a re-activation starts again at 106 kbit/s.
     */
    default boolean acceptsPps(BitRate toPicc, BitRate toPcd) {
        return Ats.parse(ats()).map(a -> a.allows(toPicc, toPcd)).orElse(false);
    }

    /** One C-APDU in, one R-APDU out (ISO-DEP chips only). */
    byte[] processApdu(byte[] apdu);

    /**
     * One Type 2 frame in (without CRC); the answer without CRC, a single byte for a 4-bit ACK/NAK
     * (ACK = 0x0A, NAK = 0x0, 0x1, 0x4, 0x5), or an empty array when the chip stays mute.
     */
    byte[] processType2(byte[] frame);

    /** The RF field went off or the chip left it: volatile state is lost, non-volatile kept. */
    void powerCycle();

    /**
     * The reader selected the chip again without a power loss: REQA/WUPA and anticollision from IDLE or HALT,
     * plus RATS for ISO-DEP chips (ISO/IEC 14443-3 §6.3, ISO/IEC 14443-4 §5). Session state (authentication,
     * selected application) is gone afterwards; power-up state (e.g. a count-once-per-power-up flag) is kept.
     * The default treats it like {@link #powerCycle()}.
     */
    default void activate() {
        powerCycle();
    }
}
