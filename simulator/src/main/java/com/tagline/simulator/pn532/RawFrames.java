package com.tagline.simulator.pn532;

import com.tagline.simulator.field.FieldChip;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;

/**
 * InCommunicateThru (UM0701-02 §7.3.9): the host's DataOut goes on the air as one frame, framed by the CIU
 * registers ({@link CiuFraming}), and every chip in the field hears it ({@link RfField#transmit}): REQA, WUPA,
 * anticollision and SELECT, HLTA, RATS, ISO-DEP blocks and Type 2 commands reach each chip's ISO/IEC 14443-3
 * state machine, not only a listed target. No answer is status 01 (time out); answers that differ collide
 * (status {@link RfStatus#BIT_COLLISION}); one answer (or identical ones) becomes DataIn.
 *
 * <p>Costs: one RF exchange in the timing model; a mute field also costs the RFConfiguration RetryTimeout; an
 * answer later than the RetryTimeout is a time out. The leave-the-field fault hits the target the firmware
 * addressed last, if there is one.
 *
 * <p>Threading: emulator thread only.
 */
final class RawFrames {
    private final FirmwareSettings settings;
    private final CiuFraming framing;
    private final RfField field;
    private final HsuPort port;
    private final Meter meter;
    private final Pn532Faults faults;

    RawFrames(FirmwareSettings settings, CiuFraming framing, RfField field, HsuPort port, Meter meter,
            Pn532Faults faults) {
        this.settings = settings;
        this.framing = framing;
        this.field = field;
        this.port = port;
        this.meter = meter;
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
        Duration limit = settings.commTimeout();
        Duration rfTime = meter.timing().rfExchangeTime();
        boolean late = !limit.isZero() && meter.timing().mode() != Pn532Timing.Mode.OFF
                && rfTime.compareTo(limit) > 0;
        port.await(meter.rfExchange(late ? limit : rfTime));
        Map<FieldChip, AirFrame> answers = field.transmit(frame.get());
        if (leave.isPresent() && leave.get() == LeavePoint.AFTER_PROCESSING) {
            answers.remove(addressed.get()); // it acted on the frame, then left before answering
            field.depart(addressed.get());
        }
        if (answers.isEmpty()) {
            port.await(meter.charge(limit));
            return timedOut();
        }
        if (late) {
            return timedOut();
        }
        if (new HashSet<>(answers.values()).size() > 1) {
            return new CiuFraming.Received(RfStatus.BIT_COLLISION, new byte[0]);
        }
        return framing.receive(answers.values().iterator().next());
    }

    private static CiuFraming.Received timedOut() {
        return new CiuFraming.Received(RfStatus.TIMEOUT, new byte[0]);
    }
}
