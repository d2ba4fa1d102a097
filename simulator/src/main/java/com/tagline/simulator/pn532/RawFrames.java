package com.tagline.simulator.pn532;

import com.tagline.hardware.tag.BitRate;
import com.tagline.simulator.field.FieldChip;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;

/**
 * InCommunicateThru (UM0701-02 §7.3.9): the host's DataOut goes on the air as one frame, framed by the CIU
 * registers ({@link CiuFraming}), and every chip in the field hears it ({@link RfField#transmit}): REQA, WUPA,
 * anticollision and SELECT, HLTA, RATS, PPS, ISO-DEP blocks and Type 2 commands reach each chip's ISO/IEC
 * 14443-3 state machine, not only a listed target. No answer is status 01 (time out); answers that differ
 * collide (status {@link RfStatus#BIT_COLLISION}); one answer (or identical ones) becomes DataIn.
 *
 * <p>Costs: the timing model's time of one frame ({@link RfTimer}, as for InDataExchange), timed as a frame to
 * the target the firmware addressed last, at the bit rate of its ISO-DEP session (which a raw PPS block sets as
 * InPSL does), else as a frame at 106 kbit/s. The model counts CRC_A on every frame, so a frame without one
 * (REQA, WUPA, anticollision; ATQA, UID CLn) is timed 16 bit times too long. A mute field costs the
 * RFConfiguration RetryTimeout; an answer later than the RetryTimeout is a time out. The leave-the-field fault
 * hits the addressed target, if there is one.
 *
 * <p>Threading: emulator thread only.
 */
final class RawFrames {
    private final CiuFraming framing;
    private final RfField field;
    private final RfTimer timer;
    private final Pn532Faults faults;

    RawFrames(CiuFraming framing, RfField field, RfTimer timer, Pn532Faults faults) {
        this.framing = framing;
        this.field = field;
        this.timer = timer;
        this.faults = faults;
    }

    /** Status and DataIn for {@code dataOut}. */
    CiuFraming.Received communicate(byte[] dataOut) {
        Optional<AirFrame> frame = framing.transmit(dataOut);
        if (frame.isEmpty()) {
            return timedOut();
        }
        field.reconcile();
        Optional<FieldChip> addressed = field.current().map(ListedTarget::chip);
        Optional<LeavePoint> leave = addressed.isPresent() ? faults.takeLeavePoint() : Optional.empty();
        if (leave.isPresent() && leave.get() == LeavePoint.BEFORE_PROCESSING) {
            field.depart(addressed.get());
        }
        RfExchange rf = exchange(addressed, frame.get());
        boolean inTime = timer.request(rf);
        Map<FieldChip, AirFrame> answers = field.transmit(frame.get());
        if (leave.isPresent() && leave.get() == LeavePoint.AFTER_PROCESSING) {
            answers.remove(addressed.get()); // it acted on the frame, then left before answering
            field.depart(addressed.get());
        }
        if (answers.isEmpty()) {
            timer.mute();
            return timedOut();
        }
        if (!inTime) {
            return timedOut();
        }
        if (new HashSet<>(answers.values()).size() > 1) {
            return new CiuFraming.Received(RfStatus.BIT_COLLISION, new byte[0]);
        }
        AirFrame answer = answers.values().iterator().next();
        timer.answer(rf, withoutCrc(answer).length);
        return framing.receive(answer);
    }

    /** {@code frame} as the timing model sees it: to the addressed chip, in its ISO-DEP session if it has one. */
    private RfExchange exchange(Optional<FieldChip> addressed, AirFrame frame) {
        byte[] bytes = withoutCrc(frame);
        return addressed.filter(field::present).map(chip -> {
            Optional<BitRate> session = field.isoDepRate(chip);
            return RfExchange.frame(chip, session.isPresent(), bytes, session.orElse(BitRate.KBPS_106));
        }).orElseGet(() -> RfExchange.unaddressed(bytes));
    }

    private static byte[] withoutCrc(AirFrame frame) {
        return frame.crcValid() ? frame.withoutCrc() : frame.bytes();
    }

    private static CiuFraming.Received timedOut() {
        return new CiuFraming.Received(RfStatus.TIMEOUT, new byte[0]);
    }
}
