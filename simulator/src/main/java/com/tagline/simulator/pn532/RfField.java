package com.tagline.simulator.pn532;

import com.tagline.simulator.field.FieldChip;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The RF field: the chips in it (in arrival order), their ISO/IEC 14443-3 states and the PN532 target table.
 *
 * <p>Threading: {@link #add}, {@link #remove} and {@link #chips} are thread-safe; everything else runs on
 * the emulator thread, which owns the chips (see {@link FieldChip}). A chip removed by another thread is
 * power-cycled by the emulator thread at its next {@link #reconcile()}.
 */
final class RfField {
    private static final byte[] HLTA = {0x50, 0x00};
    private final CopyOnWriteArrayList<FieldChip> chips = new CopyOnWriteArrayList<>();
    private final Queue<FieldChip> departed = new ConcurrentLinkedQueue<>();
    private final Map<FieldChip, PiccState> states = new IdentityHashMap<>();
    private final List<ListedTarget> targets = new ArrayList<>();
    private ListedTarget current;
    private volatile boolean on;

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
            states.remove(chip);
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
            states.clear();
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
            states.clear();
        }
        targets.forEach(ListedTarget::markLost); // still in the table: exchanges with them time out
    }

    /** Chips in IDLE that would answer REQA, optionally only the one with {@code uid}, in field order. */
    List<FieldChip> idleChips(Optional<byte[]> uid) {
        List<FieldChip> out = new ArrayList<>();
        for (FieldChip chip : chips) {
            if (states.getOrDefault(chip, PiccState.IDLE) == PiccState.IDLE
                    && uid.map(u -> Arrays.equals(u, chip.uid())).orElse(true)) {
                out.add(chip);
            }
        }
        return out;
    }

    /**
     * Forgets the target table before a new listing. Targets still ACTIVE get the next REQA in ACTIVE state,
     * which ISO/IEC 14443-3 §6.3 answers by going back to IDLE; deselected targets stay halted.
     */
    void clearTable() {
        reconcile();
        for (ListedTarget t : targets) {
            if (!t.lost() && !t.deselected()) {
                states.put(t.chip(), PiccState.IDLE);
            }
        }
        targets.clear();
        current = null;
    }

    /** Anticollision and select (+ RATS) of an IDLE chip: it enters the table as Tg {@code tg}, ACTIVE. */
    ListedTarget activate(FieldChip chip, int tg, boolean isoDep) {
        chip.activate();
        ListedTarget t = new ListedTarget(tg, chip, isoDep);
        states.put(chip, PiccState.ACTIVE);
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

    /**
     * The target InCommunicateThru talks to: the last one activated, selected or addressed by InDataExchange,
     * if still ACTIVE ([inferred]: raw frames carry no Tg, so they reach the target the PN532 addressed last).
     */
    Optional<ListedTarget> current() {
        return Optional.ofNullable(current).filter(t -> !t.lost() && !t.deselected());
    }

    /**
     * The chip goes to HALT: a Type 2 chip gets the HLTA frame {@code 50 00} (ISO/IEC 14443-3, no
     * answer), an ISO-DEP chip S(DESELECT), whose session reset {@link FieldChip#activate()} models at the
     * next activation.
     */
    void halt(ListedTarget t) {
        if (!t.lost() && !t.deselected()) {
            states.put(t.chip(), PiccState.HALT);
            if (!t.isoDep()) {
                t.chip().processType2(HLTA.clone());
            }
        }
        t.deselected(true);
    }

    void release(ListedTarget t) {
        halt(t);
        targets.remove(t);
        if (current == t) {
            current = null;
        }
    }

    /** WUPA + select (+ RATS) of a halted target; false when it cannot answer. */
    boolean wake(ListedTarget t) {
        reconcile();
        if (t.lost() || !present(t.chip())) {
            return false;
        }
        if (t.deselected()) {
            t.chip().activate();
            t.reactivated();
            states.put(t.chip(), PiccState.ACTIVE);
            t.deselected(false);
        }
        current = t;
        return true;
    }
}
