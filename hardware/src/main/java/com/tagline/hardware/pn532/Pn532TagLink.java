package com.tagline.hardware.pn532;

import com.tagline.hardware.tag.BitRate;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.Target;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link TagLink} to one target listed by {@link Pn532#inListPassiveTarget}.
 *
 * <ul>
 *   <li>{@link #transceive}: one APDU through InDataExchange; the PN532 does the ISO 14443-4 block
 *       framing (AutoRATS), the driver chains long DataOut/DataIn with the MI bit (pn532.md §3.3).</li>
 *   <li>{@link #transceiveRaw}: one Type 2 frame through InCommunicateThru with the PN532's CRC_A
 *       handling switched off, as libnfc's nfc-mfultralight does for GET_VERSION: the host appends
 *       CRC_A, checks and strips the CRC_A of the answer, and returns a 4-bit ACK/NAK as one byte
 *       (0x0A = ACK) — with CRC checking on, the PN532 would report an ACK/NAK as a CRC error
 *       (nfcpy {@code pn53x.py _tt2_send_cmd_recv_rsp}).</li>
 * </ul>
 * Raw frames also set the PN532's CommTimeout to cover their {@code timeout}; an APDU exchange
 * puts back the default CommTimeout (0A, 51.2 ms) and CRC_A. The driver caches both settings, so
 * alternating between the two modes costs a command per switch and nothing otherwise.
 *
 * <p>Failure modes: {@link Pn532TagLostException} (a {@link com.tagline.hardware.tag.TagLostException})
 * when the target did not answer; {@link Pn532StatusException} for other status bytes and for a
 * CRC_A mismatch the host detected; {@link com.tagline.hardware.tag.TransportException} when the
 * reader link failed. Threading: the reader thread's, like its {@link Pn532}.
 */
public final class Pn532TagLink implements TagLink {
    /** Type 2 4-bit answer that acknowledges a WRITE (NTAG21x datasheet, "ACK and NAK"). */
    public static final int TYPE2_ACK = 0x0A;
    /** RFConfiguration item 02 defaults: ATR_RES 0B (102.4 ms), CommTimeout 0A (51.2 ms), pn532.md §3.4. */
    private static final int DEFAULT_ATR_RES_TIMEOUT_INDEX = 0x0B;
    private static final int DEFAULT_COMM_TIMEOUT_INDEX = 0x0A;

    /** Told of RF errors on a link, so a bit-rate policy sees them rise ({@link BitRateNegotiator}). */
    @FunctionalInterface
    public interface RfErrorListener {
        RfErrorListener NONE = rate -> { };

        /** An exchange at {@code rate} failed on the RF side (time-out, CRC, parity, framing, protocol). */
        void rfError(BitRate rate);
    }

    private final Pn532 pn532;
    private final PassiveTarget target;
    private final BitRate rate;
    private final RfErrorListener errors;

    /** A link at 106 kbit/s, the rate after InListPassiveTarget. */
    public Pn532TagLink(Pn532 pn532, PassiveTarget target) {
        this(pn532, target, BitRate.KBPS_106, RfErrorListener.NONE);
    }

    /** A link at {@code rate} (set with InPSL before), reporting RF errors to {@code errors}. */
    public Pn532TagLink(Pn532 pn532, PassiveTarget target, BitRate rate, RfErrorListener errors) {
        this.pn532 = Objects.requireNonNull(pn532, "pn532");
        this.target = Objects.requireNonNull(target, "target");
        this.rate = Objects.requireNonNull(rate, "rate");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** The RF bit rate both sides use on this link. */
    public BitRate rate() {
        return rate;
    }

    @Override
    public byte[] transceive(byte[] apdu) {
        pn532.crcA(true);
        int index = pn532.commTimeoutIndex();
        if (index != -1 && index != DEFAULT_COMM_TIMEOUT_INDEX) {
            pn532.rfTimings(DEFAULT_ATR_RES_TIMEOUT_INDEX, DEFAULT_COMM_TIMEOUT_INDEX);
        }
        try {
            return pn532.inDataExchange(target.tg(), apdu);
        } catch (Pn532TagLostException e) {
            errors.rfError(rate);
            throw e;
        } catch (Pn532StatusException e) {
            if (e.status() != null && e.status().kind() == Pn532Status.Kind.RF) {
                errors.rfError(rate);
            }
            throw e;
        }
    }

    @Override
    public byte[] transceiveRaw(byte[] frame, Duration timeout) {
        pn532.crcA(false);
        byte[] answer = pn532.inCommunicateThru(CrcA.append(frame), timeout);
        if (answer.length == 1) {
            return new byte[] {(byte) (answer[0] & 0x0F)};
        }
        if (answer.length == 0) {
            return answer;
        }
        if (!CrcA.check(answer)) {
            throw new Pn532StatusException("InCommunicateThru", Pn532Status.CRC_ERROR.code(),
                    "CRC_A of a " + answer.length + "-byte answer checked by the host");
        }
        return java.util.Arrays.copyOf(answer, answer.length - 2);
    }

    @Override
    public Target target() {
        return target.target();
    }

    /** The PN532's logical number of this target. */
    public int tg() {
        return target.tg();
    }

    /** InRelease of this target: it is halted and no longer addressable through this link. */
    public void release() {
        pn532.inRelease(target.tg());
    }

    /** InDeselect of this target: ISO-DEP DESELECT, the PN532 keeps the target's data. */
    public void deselect() {
        pn532.inDeselect(target.tg());
    }
}
