package com.tagline.simulator.pn532;

import com.tagline.simulator.field.FieldChip;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * One chip's ISO/IEC 14443-3 type A PICC side: the state machine of §6.3 (IDLE, READY, ACTIVE, HALT and the
 * READY* and ACTIVE* reached from HALT) and the frames of §6.4: REQA and WUPA (short frames, answered with ATQA),
 * anticollision and SELECT of each cascade level (UID CLn with BCC, then SAK), HLTA; then either Type 2
 * commands to the chip (NFC Forum T2T) or, for an ISO-DEP chip, RATS and the ISO/IEC 14443-4 blocks of
 * {@link IsoDepPicc}.
 *
 * <p>{@link #receive} takes a frame as the RF carries it (CRC_A included where the protocol has one, checked
 * here); the PN532 firmware's own activation (InListPassiveTarget, InSelect, InDeselect) uses
 * {@link #answersRequest}, {@link #select}, {@link #rats} and {@link #halt}, which follow the same states
 * without collisions to resolve. Anticollision with a partial UID (NVB other than 20 and 70) is not modelled:
 * the chip stays mute to it.
 *
 * <p>Threading: emulator thread only.
 */
final class Iso14443aPicc {
    /** §6.3 states; PROTOCOL is ACTIVE after RATS (ISO/IEC 14443-4 §5). */
    enum State { IDLE, READY, ACTIVE, PROTOCOL, HALT }

    static final int REQA = 0x26;
    static final int WUPA = 0x52;
    private static final int[] SEL = {0x93, 0x95, 0x97};
    private static final int NVB_ANTICOLLISION = 0x20;
    private static final int NVB_SELECT = 0x70;
    private static final int CASCADE_TAG = 0x88;
    private static final int SAK_CASCADE = 0x04;
    private static final int HLTA = 0x50;
    private static final int RATS = 0xE0;

    private final FieldChip chip;
    private final IntSupplier wtxRequests;
    private State state = State.IDLE;
    private boolean fromHalt;
    private int level;
    private IsoDepPicc isoDep;

    Iso14443aPicc(FieldChip chip, IntSupplier wtxRequests) {
        this.chip = chip;
        this.wtxRequests = wtxRequests;
    }

    State state() {
        return state;
    }

    /** The ISO-DEP session after RATS, while the chip is in PROTOCOL. */
    Optional<IsoDepPicc> isoDep() {
        return state == State.PROTOCOL ? Optional.ofNullable(isoDep) : Optional.empty();
    }

    /** True when the chip answers REQA (IDLE only) or, with {@code wakeUp}, WUPA (IDLE or HALT). */
    boolean answersRequest(boolean wakeUp) {
        return state == State.IDLE || wakeUp && state == State.HALT;
    }

    /** REQA/WUPA, anticollision and SELECT of all cascade levels at once: the chip is ACTIVE. */
    void select() {
        fromHalt = state == State.HALT;
        state = State.ACTIVE;
        isoDep = null;
        chip.activate();
    }

    /** RATS with {@code parameter} (FSDI, CID) to an ACTIVE ISO-DEP chip; its ATS answers it. */
    IsoDepPicc rats(int parameter) {
        isoDep = new IsoDepPicc(chip, parameter, wtxRequests);
        state = State.PROTOCOL;
        return isoDep;
    }

    /** HLTA to a Type 2 chip (which hears it too), S(DESELECT) to an ISO-DEP chip: HALT. */
    void halt() {
        if (state == State.ACTIVE && !chip.isoDep()) {
            chip.processType2(new byte[] {HLTA, 0x00});
        } else if (state == State.PROTOCOL) {
            isoDep.receive(new byte[] {(byte) IsoDepPicc.PCB_S_DESELECT});
        }
        state = State.HALT;
        isoDep = null;
    }

    /** The chip's answer to {@code frame}, or empty when it stays mute. */
    Optional<AirFrame> receive(AirFrame frame) {
        if (frame.isShort(REQA) || frame.isShort(WUPA)) {
            return request(frame.isShort(WUPA));
        }
        return switch (state) {
            case READY -> anticollision(frame);
            case ACTIVE -> chip.isoDep() ? beforeRats(frame) : type2(frame);
            case PROTOCOL -> protocol(frame);
            case IDLE, HALT -> Optional.empty();
        };
    }

    private Optional<AirFrame> request(boolean wakeUp) {
        if (!answersRequest(wakeUp)) {
            fallBack(); // an unexpected frame in READY or ACTIVE (§6.3)
            return Optional.empty();
        }
        fromHalt = state == State.HALT;
        state = State.READY;
        level = 0;
        int atqa = chip.atqa();
        return Optional.of(AirFrame.of((byte) atqa, (byte) (atqa >> 8))); // ATQA, least significant byte first
    }

    private Optional<AirFrame> anticollision(AirFrame f) {
        byte[] cln = cascadeLevel(level);
        if (f.length() == 2 && f.lastBits() == 8 && f.at(0) == SEL[level] && f.at(1) == NVB_ANTICOLLISION) {
            return Optional.of(AirFrame.of(cln));
        }
        if (f.length() == 9 && f.at(0) == SEL[level] && f.at(1) == NVB_SELECT && f.crcValid()
                && Arrays.equals(Arrays.copyOfRange(f.bytes(), 2, 7), cln)) {
            level++;
            if (level < levels()) {
                return Optional.of(AirFrame.withCrc((byte) SAK_CASCADE));
            }
            state = State.ACTIVE;
            chip.activate();
            return Optional.of(AirFrame.withCrc((byte) chip.sak()));
        }
        fallBack();
        return Optional.empty();
    }

    /** An ACTIVE ISO-DEP chip waits for RATS (or HLTA). */
    private Optional<AirFrame> beforeRats(AirFrame f) {
        if (isHlta(f)) {
            halt();
            return Optional.empty();
        }
        if (f.crcValid() && f.length() == 4 && f.at(0) == RATS && (f.at(1) & 0x0F) != 0x0F) {
            rats(f.at(1));
            return Optional.of(AirFrame.withCrc(chip.ats()));
        }
        fallBack();
        return Optional.empty();
    }

    /** NFC Forum Type 2 commands; a NAK sends an NTAG back to IDLE (NTAG21x datasheet §9.3). */
    private Optional<AirFrame> type2(AirFrame f) {
        if (isHlta(f)) {
            halt();
            return Optional.empty();
        }
        if (!f.crcValid()) {
            return Optional.empty(); // the chip ignores a frame with a transmission error
        }
        byte[] answer = chip.processType2(f.withoutCrc());
        if (answer.length == 0) {
            return Optional.empty();
        }
        if (answer.length == 1) {
            if (answer[0] != FieldChip.ACK) {
                fallBack();
            }
            return Optional.of(new AirFrame(answer, 4));
        }
        return Optional.of(AirFrame.withCrc(answer));
    }

    private Optional<AirFrame> protocol(AirFrame f) {
        if (!f.crcValid()) {
            return Optional.empty();
        }
        Optional<byte[]> answer = isoDep.receive(f.withoutCrc());
        if (isoDep.deselected()) {
            state = State.HALT;
            isoDep = null;
        }
        return answer.map(AirFrame::withCrc);
    }

    private boolean isHlta(AirFrame f) {
        return f.crcValid() && f.length() == 4 && f.at(0) == HLTA && f.at(1) == 0x00;
    }

    /** An unexpected frame: back to IDLE, or to HALT when the chip was woken from HALT (§6.3: READY* and ACTIVE*). */
    private void fallBack() {
        state = fromHalt ? State.HALT : State.IDLE;
        isoDep = null;
    }

    private int levels() {
        return switch (chip.uid().length) {
            case 4 -> 1;
            case 7 -> 2;
            default -> 3;
        };
    }

    /** UID CLn + BCC for cascade level {@code n} (0-based), with the cascade tag 88 where more follows (§6.4.4). */
    private byte[] cascadeLevel(int n) {
        byte[] uid = chip.uid();
        byte[] out = new byte[5];
        boolean last = n == levels() - 1;
        int from = n * 3;
        if (last) {
            System.arraycopy(uid, from, out, 0, 4);
        } else {
            out[0] = (byte) CASCADE_TAG;
            System.arraycopy(uid, from, out, 1, 3);
        }
        out[4] = (byte) (out[0] ^ out[1] ^ out[2] ^ out[3]);
        return out;
    }
}
