package com.tagline.simulator.line;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The mechanical belt: feeds items at the configured pitch, moves them while the motor runs,
 * removes them at the gate or the outfeed, and keeps the {@link GateRecord} of each. Knows
 * nothing about pins. Single-threaded.
 */
final class Conveyor {
    private final ConveyorLayout layout;
    private final Deque<Boolean> infeed = new ArrayDeque<>();
    private final List<ConveyorItem> belt = new ArrayList<>();
    private final List<GateRecord> records = new ArrayList<>();
    private long nextId = 1;
    private long jamItem = -1;
    private double jamAtMm;
    private int strayGateFires;

    Conveyor(ConveyorLayout layout) {
        this.layout = layout;
    }

    void load(List<Boolean> defective) {
        infeed.addAll(defective);
    }

    boolean infeedEmpty() {
        return infeed.isEmpty();
    }

    void jam(long itemId, double atMm) {
        jamItem = itemId;
        jamAtMm = atMm;
    }

    void clearJam() {
        jamItem = -1;
    }

    /** One step of belt travel; items behind a jammed item are held back by it. */
    void run(boolean feeding) {
        double travel = layout.travelPerStep();
        double blockedBehind = Double.MAX_VALUE;
        for (ConveyorItem item : belt) {
            if (item.id() == jamItem && item.position() >= jamAtMm) {
                blockedBehind = Math.min(blockedBehind, item.position());
            }
        }
        for (ConveyorItem item : belt) {
            boolean held = item.position() <= blockedBehind && blockedBehind != Double.MAX_VALUE;
            if (!held) {
                item.moveTo(item.position() + travel);
            }
        }
        releaseAtOutfeed();
        if (feeding) {
            feed();
        }
    }

    private void feed() {
        boolean roomAtInfeed = belt.stream().allMatch(i -> i.position() >= layout.pitchMm());
        if (!infeed.isEmpty() && roomAtInfeed) {
            belt.add(new ConveyorItem(nextId++, infeed.poll(), 0));
        }
    }

    private void releaseAtOutfeed() {
        belt.removeIf(item -> {
            boolean gone = item.position() - layout.itemLengthMm() > layout.outfeedEndMm();
            if (gone) {
                records.add(new GateRecord(item.id(), item.defective(), false));
            }
            return gone;
        });
    }

    /** The gate pushes off whatever item covers the reject eye. */
    void fireGate() {
        Optional<ConveyorItem> target = itemAt(layout.rejectEyeMm());
        if (target.isEmpty()) {
            strayGateFires++;
            return;
        }
        belt.remove(target.get());
        records.add(new GateRecord(target.get().id(), target.get().defective(), true));
    }

    Optional<ConveyorItem> itemAt(double point) {
        return belt.stream().filter(i -> i.covers(point, layout.itemLengthMm())).findFirst();
    }

    List<GateRecord> records() {
        return List.copyOf(records);
    }

    int strayGateFires() {
        return strayGateFires;
    }

    int onBelt() {
        return belt.size();
    }
}
