package com.tagline.simulator.pn532;

import com.tagline.hardware.tag.BitRate;
import com.tagline.simulator.field.ChipTornException;
import com.tagline.simulator.field.FieldChip;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Data exchange with an activated target: InDataExchange (UM0701-02 §7.3.8) and InCommunicateThru
 * (§7.3.9).
 *
 * <p>InDataExchange carries APDUs to ISO-DEP targets (the firmware does the ISO 14443-4 block framing) and
 * MIFARE/Type 2 commands to the others; MI (bit 6) chains long data both ways: the host sets it in Tg to send
 * more, the emulator sets it in the status byte when DataIn exceeds {@link #maxDataIn} and the host fetches
 * the rest with {@code 40 Tg} (pn532.md §3.3). APDUs go through the firmware's ISO-DEP ({@link IsoDepInitiator})
 * and Type 2 commands through the chip's ISO/IEC 14443-3 state ({@link RfField#type2}). InCommunicateThru sends
 * one raw frame to the whole field, framed as the CIU registers say ({@link RawFrames}).
 *
 * <p>A target that is gone, or a chip that stays mute, gets status 01 (timeout).
 *
 * <p>Threading: emulator thread only, except {@link #maxDataIn(int)}.
 */
final class ExchangeCommands {
    static final int IN_DATA_EXCHANGE = 0x40;
    static final int IN_COMMUNICATE_THRU = 0x42;
    /** Largest DataIn of one response: 265-byte packet limit minus TFI, code and status (pn532.md §1). */
    static final int MAX_DATA_IN = 262;

    private static final int TG_MASK = 0x3F;
    private static final int MIFARE_WRITE = 0xA0;
    private static final int MIFARE_WRITE_LENGTH = 18;
    private static final int MIFARE_ADDRESSED_LENGTH = 2;
    /**
     * [unknown] The status InDataExchange reports for a 4-bit NAK (pn532.md §3.3); the CIU flags a 4-bit
     * answer as a CRC error when RxCRCEn is set (nfcpy {@code _tt2_send_cmd_recv_rsp}).
     */
    private static final RfStatus NAK_STATUS = RfStatus.CRC_ERROR;

    private final FirmwareSettings settings;
    private final Pn532Registers registers;
    private final RfField field;
    private final Pn532Faults faults;
    private volatile int maxDataIn = MAX_DATA_IN;
    private ByteArrayOutputStream chainedOut;
    private byte[] pendingIn;
    private int pendingOffset;
    private int pendingTg;
    private final RawFrames raw;
    private final RfTimer timer;

    ExchangeCommands(FirmwareSettings settings, Pn532Registers registers, RfField field, HsuPort port, Meter meter,
            Pn532Faults faults) {
        this.settings = settings;
        this.registers = registers;
        this.field = field;
        this.faults = faults;
        this.timer = new RfTimer(settings, port, meter);
        this.raw = new RawFrames(new CiuFraming(registers), field, timer, faults);
    }

    void maxDataIn(int value) {
        if (value < 1 || value > MAX_DATA_IN) {
            throw new IllegalArgumentException("DataIn per frame must be 1.." + MAX_DATA_IN);
        }
        this.maxDataIn = value;
    }

    /** Any other command ends a chaining sequence. */
    void endChaining() {
        chainedOut = null;
        pendingIn = null;
    }

    /** Tg DataOut → Status DataIn. */
    Reply inDataExchange(byte[] p) {
        if (p.length < 1) {
            return Reply.syntaxError();
        }
        int tg = p[0] & TG_MASK;
        boolean more = (p[0] & RfStatus.MORE_INFORMATION) != 0;
        byte[] dataOut = Arrays.copyOfRange(p, 1, p.length);
        if (pendingIn != null && tg == pendingTg && dataOut.length == 0 && !more) {
            return nextChunk();
        }
        pendingIn = null;
        if (more) {
            if (chainedOut == null) {
                chainedOut = new ByteArrayOutputStream();
            }
            chainedOut.writeBytes(dataOut);
            return Reply.status(IN_DATA_EXCHANGE, RfStatus.OK);
        }
        byte[] full = dataOut;
        if (chainedOut != null) {
            chainedOut.writeBytes(dataOut);
            full = chainedOut.toByteArray();
            chainedOut = null;
        }
        Optional<ListedTarget> target = field.target(tg);
        if (target.isEmpty()) {
            return recorded(Reply.status(IN_DATA_EXCHANGE, RfStatus.NOT_ACCEPTABLE), RfStatus.NOT_ACCEPTABLE);
        }
        return target.get().isoDep() ? apdu(target.get(), full) : mifare(target.get(), full);
    }

    /** DataOut (raw frame) → Status DataIn: one frame on the air (see {@link RawFrames}). */
    Reply inCommunicateThru(byte[] p) {
        endChaining();
        CiuFraming.Received r = raw.communicate(p);
        return recorded(Reply.status(IN_COMMUNICATE_THRU, r.status(), r.dataIn()), r.status());
    }

    private Reply apdu(ListedTarget target, byte[] apdu) {
        Optional<byte[]> answer = exchange(target, true, t -> RfExchange.apdu(t, apdu, rate(t)),
                chip -> field.apdu(target, apdu));
        if (answer.isEmpty() || answer.get().length == 0) {
            return timeout(IN_DATA_EXCHANGE);
        }
        return chunked(target.tg(), answer.get());
    }

    /**
     * MIFARE/Type 2 commands through InDataExchange. A MIFARE WRITE (A0, 16 data bytes) is sent as the two
     * frames the firmware makes of it (pn532.md §3.3, COMPATIBILITY_WRITE); a 4-bit ACK ends with status 00
     * and no data.
     */
    private Reply mifare(ListedTarget target, byte[] command) {
        if (command.length == MIFARE_WRITE_LENGTH && (command[0] & 0xFF) == MIFARE_WRITE) {
            byte[] first = Arrays.copyOf(command, MIFARE_ADDRESSED_LENGTH);
            Optional<byte[]> ack = exchange(target, true, t -> type2Exchange(t, first),
                    chip -> field.type2(chip, first));
            if (ack.isEmpty() || ack.get().length == 0) {
                return timeout(IN_DATA_EXCHANGE);
            }
            if (!isAck(ack.get())) {
                return nak();
            }
            command = Arrays.copyOfRange(command, MIFARE_ADDRESSED_LENGTH, command.length);
        }
        byte[] sent = command;
        Optional<byte[]> answer = exchange(target, true, t -> type2Exchange(t, sent),
                chip -> field.type2(chip, sent));
        if (answer.isEmpty() || answer.get().length == 0) {
            return timeout(IN_DATA_EXCHANGE);
        }
        byte[] a = answer.get();
        if (a.length == 1) {
            return isAck(a) ? ok(IN_DATA_EXCHANGE) : nak();
        }
        return chunked(target.tg(), a);
    }

    /**
     * One exchange with the target's chip. Status 01 (empty) when the target is gone, when it was deselected
     * and {@code wake} is false, when the chip leaves the field before answering (fault injection or a
     * removal during the RF time), or when the modeled request time (until the chip's answer starts) exceeds the
     * RFConfiguration RetryTimeout (the chip still applies the command; its answer comes too late). The answer's
     * air time is charged after the chip answered; a mute chip costs the timeout in the timing model.
     * InDataExchange re-activates a deselected target [inferred, UM0701-02 §7.3.8].
     */
    private Optional<byte[]> exchange(ListedTarget target, boolean wake, Function<ListedTarget, RfExchange> rfOf,
            Function<FieldChip, byte[]> op) {
        field.reconcile();
        if (target.lost() || (target.deselected() && !wake) || !field.wake(target)) {
            return Optional.empty();
        }
        Optional<LeavePoint> leave = faults.takeLeavePoint();
        if (leave.isPresent() && leave.get() == LeavePoint.BEFORE_PROCESSING) {
            field.depart(target.chip());
            return Optional.empty();
        }
        RfExchange rf = rfOf.apply(target); // after a wake: a re-activated target is back at 106 kbit/s
        boolean inTime = timer.request(rf);
        field.reconcile();
        if (target.lost()) {
            return Optional.empty();
        }
        byte[] answer;
        try {
            answer = op.apply(target.chip());
        } catch (ChipTornException torn) {
            field.torn(target.chip(), torn);
            return Optional.empty();
        }
        if (leave.isPresent()) {
            field.depart(target.chip());
            return Optional.empty();
        }
        if (answer.length == 0) {
            timer.mute();
        } else if (inTime) {
            timer.answer(rf, answer.length);
        }
        return inTime ? Optional.of(answer) : Optional.empty();
    }

    /** The bit rate of {@code target}'s ISO-DEP session (InPSL), 106 kbit/s without one. */
    private BitRate rate(ListedTarget target) {
        return field.isoDepRate(target.chip()).orElse(BitRate.KBPS_106);
    }

    private static RfExchange type2Exchange(ListedTarget target, byte[] frame) {
        return RfExchange.frame(target.chip(), false, frame, BitRate.KBPS_106);
    }

    private Reply chunked(int tg, byte[] data) {
        if (data.length <= maxDataIn) {
            return ok(IN_DATA_EXCHANGE, data);
        }
        pendingIn = data;
        pendingOffset = 0;
        pendingTg = tg;
        return nextChunk();
    }

    private Reply nextChunk() {
        int n = Math.min(maxDataIn, pendingIn.length - pendingOffset);
        byte[] chunk = Arrays.copyOfRange(pendingIn, pendingOffset, pendingOffset + n);
        pendingOffset += n;
        boolean more = pendingOffset < pendingIn.length;
        if (!more) {
            pendingIn = null;
        }
        settings.lastError = RfStatus.OK.code();
        return Reply.status(IN_DATA_EXCHANGE, (more ? RfStatus.MORE_INFORMATION : 0) | RfStatus.OK.code(), chunk);
    }

    private static boolean isAck(byte[] answer) {
        return answer.length == 1 && answer[0] == FieldChip.ACK;
    }

    private Reply nak() {
        return recorded(Reply.status(IN_DATA_EXCHANGE, NAK_STATUS), NAK_STATUS);
    }

    private Reply ok(int command, byte... data) {
        return recorded(Reply.status(command, RfStatus.OK, data), RfStatus.OK);
    }

    private Reply timeout(int command) {
        return recorded(Reply.status(command, RfStatus.TIMEOUT), RfStatus.TIMEOUT);
    }

    private Reply recorded(Reply reply, RfStatus status) {
        settings.lastError = status.code();
        return reply;
    }
}
