package com.tagline.simulator.pn532;

import com.tagline.hardware.tag.BitRate;
import com.tagline.simulator.field.ChipTornException;
import com.tagline.simulator.field.FieldChip;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * The RF field: the chips in it (in arrival order), each with its ISO/IEC 14443-3 PICC state machine
 * ({@link Iso14443aPicc}), and the PN532 target table.
 *
 * <p>Two ways reach the chips. The firmware's commands (InListPassiveTarget, InSelect, InDeselect, InRelease,
 * InDataExchange) act on one listed target; the firmware keeps one target active on the RF at a time and
 * parks (halts) the others, waking a parked target when the host addresses it. Raw frames (InCommunicateThru,
 * {@link #transmit}) reach every chip in the field, as on the air: each answers what its state allows.
 *
 * <p>Threading: {@link #add}, {@link #remove} and {@link #chips} are thread-safe; everything else runs on
 * the emulator thread, which owns the chips (see {@link FieldChip}). A chip removed by another thread is
 * power-cycled by the emulator thread at its next {@link #reconcile()}.
 */
final class RfField {
    private final CopyOnWriteArrayList<FieldChip> chips = new CopyOnWriteArrayList<>();
    private final Queue<FieldChip> departed = new ConcurrentLinkedQueue<>();
    private final Map<FieldChip, Iso14443aPicc> piccs = new IdentityHashMap<>();
    private final List<ListedTarget> targets = new ArrayList<>();
    private final IntSupplier wtxRequests;
    private ListedTarget current;
    private volatile boolean on;

    /** @param wtxRequests S(WTX) requests an ISO-DEP chip sends before its next answer (fault injection) */
    RfField(IntSupplier wtxRequests) {
        this.wtxRequests = wtxRequests;
    }

    void add(FieldChip chip) {
        if (!chips.addIfAbsent(chip)) {
            throw new IllegalArgumentException(chip + " is already in the field");
        }
    }

    boolean remove(FieldChip chip) {
        if (chips.remove(chip)) {
            departed.add(chip);
            return true;
        }
        return false;
    }

    List<FieldChip> chips() {
        return List.copyOf(chips);
    }

    boolean isOn() {
        return on;
    }

    /** Power-cycles the chips that left since the last call and marks their targets lost. */
    void reconcile() {
        FieldChip chip;
        while ((chip = departed.poll()) != null) {
            piccs.remove(chip);
            chip.powerCycle();
            for (ListedTarget t : targets) {
                if (t.chip() == chip) {
                    t.markLost();
                }
            }
        }
    }

    /** The chip leaves now (fault injection); same effect as {@link #remove} plus {@link #reconcile()}. */
    void depart(FieldChip chip) {
        remove(chip);
        reconcile();
    }

    boolean present(FieldChip chip) {
        return chips.contains(chip);
    }

    /** RF on: the chips power up in IDLE. */
    void switchOn() {
        reconcile();
        if (!on) {
            on = true;
            piccs.clear();
        }
    }

    /** RF off: every chip loses its volatile state (powerCycle) and every listed target is lost. */
    void switchOff() {
        reconcile();
        if (on) {
            on = false;
            for (FieldChip chip : chips) {
                chip.powerCycle();
            }
            piccs.clear();
        }
        targets.forEach(ListedTarget::markLost); // still in the table: exchanges with them time out
    }

    /**
     * The answers of the chips in the field to one raw frame, by chip in field order (none while the RF is
     * off). Every chip hears the frame; the caller tells one answer from a collision.
     */
    Map<FieldChip, AirFrame> transmit(AirFrame frame) {
        reconcile();
        Map<FieldChip, AirFrame> answers = new LinkedHashMap<>();
        if (on) {
            for (FieldChip chip : chips) {
                try {
                    picc(chip).receive(frame).ifPresent(a -> answers.put(chip, a));
                } catch (ChipTornException torn) {
                    torn(chip, torn);
                }
            }
        }
        return answers;
    }

    /**
     * The field dropped for {@code chip} mid-command (fault injection, architecture §7): it gives no answer and
     * powers up again from scratch, still at the antenna or gone.
     */
    void torn(FieldChip chip, ChipTornException torn) {
        depart(chip);
        if (torn.staysInField()) {
            add(chip);
        }
    }

    /**
     * A Type 2 (MIFARE) command as the firmware's InDataExchange sends it to {@code chip}: CRC_A added and
     * checked on the way. The answer without CRC_A, one byte for a 4-bit ACK/NAK, empty when the chip is mute.
     */
    byte[] type2(FieldChip chip, byte[] command) {
        return picc(chip).receive(AirFrame.withCrc(command))
                .map(a -> a.lastBits() == 8 && a.crcValid() ? a.withoutCrc() : a.bytes())
                .orElse(new byte[0]);
    }

    /** An APDU through the firmware's ISO-DEP to {@code target}; empty when the chip is mute. */
    byte[] apdu(ListedTarget target, byte[] apdu) {
        return picc(target.chip()).isoDep()
                .flatMap(session -> IsoDepInitiator.exchange(session, target, apdu))
                .orElse(new byte[0]);
    }

    /** InPSL's PPS to {@code target}'s chip (see {@link IsoDepInitiator#pps}); true when the chip confirmed. */
    boolean pps(ListedTarget target, BitRate toPicc, BitRate toPcd) {
        return picc(target.chip()).isoDep().map(session -> IsoDepInitiator.pps(session, toPicc, toPcd))
                .orElse(false);
    }

    /**
     * The RF bit rate of {@code chip}'s ISO-DEP session: what PPS negotiated, whether InPSL or a host's raw PPS
     * block sent it, else 106 kbit/s. Empty when the chip has no session (Type 2, or not activated with RATS),
     * which runs at 106 kbit/s.
     */
    Optional<BitRate> isoDepRate(FieldChip chip) {
        return Optional.ofNullable(piccs.get(chip)).flatMap(Iso14443aPicc::isoDep).map(IsoDepPicc::rate);
    }

    /** Chips that would answer REQA (IDLE), optionally only the one with {@code uid}, in field order. */
    List<FieldChip> idleChips(Optional<byte[]> uid) {
        List<FieldChip> out = new ArrayList<>();
        for (FieldChip chip : chips) {
            if (picc(chip).answersRequest(false) && uid.map(u -> Arrays.equals(u, chip.uid())).orElse(true)) {
                out.add(chip);
            }
        }
        return out;
    }

    /**
     * Forgets the target table before a new listing. Targets still ACTIVE get the next REQA in ACTIVE state,
     * which ISO/IEC 14443-3 §6.3 answers by going back to IDLE; so do targets the firmware parked ([inferred]:
     * a new listing starts afresh); targets the host deselected stay halted.
     */
    void clearTable() {
        reconcile();
        for (ListedTarget t : targets) {
            if (!t.lost() && !t.deselected()) {
                piccs.remove(t.chip());
            }
        }
        targets.clear();
        current = null;
    }

    /** Anticollision and select (+ RATS) of an IDLE chip: it enters the table as Tg {@code tg}, active. */
    ListedTarget activate(FieldChip chip, int tg, boolean isoDep) {
        parkOthers(null);
        select(chip, isoDep);
        ListedTarget t = new ListedTarget(tg, chip, isoDep);
        targets.add(t);
        current = t;
        return t;
    }

    List<ListedTarget> targets() {
        return List.copyOf(targets);
    }

    Optional<ListedTarget> target(int tg) {
        return targets.stream().filter(t -> t.tg() == tg).findFirst();
    }

    /** The target the firmware addressed last (listing, InSelect, InDataExchange), if still active. */
    Optional<ListedTarget> current() {
        return Optional.ofNullable(current).filter(t -> !t.lost() && !t.deselected() && !t.parked());
    }

    /** InDeselect: HLTA to a Type 2 chip, S(DESELECT) to an ISO-DEP chip; the target stays in the table. */
    void halt(ListedTarget t) {
        if (!t.lost() && !t.deselected() && !t.parked() && present(t.chip())) {
            try {
                picc(t.chip()).halt();
            } catch (ChipTornException torn) {
                // Pulled mid-HLTA: HLTA has no answer (ntag223.md, ISO/IEC 14443-3), so the firmware cannot tell
                torn(t.chip(), torn);
            }
        }
        t.deselected(true);
        t.parked(false);
    }

    void release(ListedTarget t) {
        halt(t);
        targets.remove(t);
        if (current == t) {
            current = null;
        }
    }

    /** WUPA + select (+ RATS) of a halted or parked target; false when it cannot answer. */
    boolean wake(ListedTarget t) {
        reconcile();
        if (t.lost() || !present(t.chip())) {
            return false;
        }
        if (t.deselected() || t.parked()) {
            parkOthers(t);
            if (!picc(t.chip()).answersRequest(true)) {
                return false;
            }
            select(t.chip(), t.isoDep());
            t.reactivated();
            t.deselected(false);
            t.parked(false);
        }
        current = t;
        return true;
    }

    private void select(FieldChip chip, boolean isoDep) {
        Iso14443aPicc picc = picc(chip);
        picc.select();
        if (isoDep) {
            picc.rats(IsoDepInitiator.RATS_PARAMETER);
        }
    }

    /** Halts every other target still active, as the firmware does before it selects one. */
    private void parkOthers(ListedTarget keep) {
        for (ListedTarget t : targets) {
            if (t != keep && !t.lost() && !t.deselected() && !t.parked() && present(t.chip())) {
                picc(t.chip()).halt();
                t.parked(true);
            }
        }
    }

    private Iso14443aPicc picc(FieldChip chip) {
        return piccs.computeIfAbsent(chip, c -> new Iso14443aPicc(c, wtxRequests));
    }
}
