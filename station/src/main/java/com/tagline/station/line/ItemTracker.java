package com.tagline.station.line;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Items from the encoder to the reject gate, driven by photo-eye edges: one item at the encoder
 * eye, a FIFO of items travelling, one item at the reject eye. Each carries the motor-running time
 * since its last sensor edge, for jam detection.
 */
final class ItemTracker {
    /** Which sensor an overdue item failed to reach or clear. */
    enum Jam { ENCODER_EYE, REJECT_EYE }

    static final class Item {
        final long id;
        ItemVerdict verdict;
        Duration run = Duration.ZERO;

        Item(long id, ItemVerdict verdict) {
            this.id = id;
            this.verdict = verdict;
        }
    }

    private final Deque<Item> transit = new ArrayDeque<>();
    private final Map<Long, ItemVerdict> verdicts = new LinkedHashMap<>();
    private Item atEncoder;
    private Item atReject;
    private long nextId = 1;
    private int untracked;

    Item arriveAtEncoder() {
        atEncoder = new Item(nextId++, null);
        return atEncoder;
    }

    /** @return {@code true} if this was the awaited verdict of the item at the encoder */
    boolean verdict(long id, ItemVerdict verdict) {
        if (atEncoder == null || atEncoder.id != id || atEncoder.verdict != null) {
            return false;
        }
        atEncoder.verdict = verdict;
        verdicts.put(id, verdict);
        return true;
    }

    /** @return the id of the item whose encoding was cut short, if one was in progress */
    Optional<Long> interrupt() {
        if (atEncoder == null || atEncoder.verdict != null) {
            return Optional.empty();
        }
        verdict(atEncoder.id, ItemVerdict.INTERRUPTED);
        return Optional.of(atEncoder.id);
    }

    boolean encoding() {
        return atEncoder != null && atEncoder.verdict == null;
    }

    boolean atEncoder() {
        return atEncoder != null;
    }

    void leaveEncoder() {
        if (atEncoder != null && atEncoder.verdict != null) {
            atEncoder.run = Duration.ZERO;
            transit.add(atEncoder);
            atEncoder = null;
        }
    }

    /**
     * An item arrived at the reject eye: the head of the queue, unless the head has not run long enough to be
     * there ({@link LineTiming#encoderToRejectMin()}). An item nobody tracked (left on the belt by a crash, a
     * power cut or a jam reset, or put on by hand) counts as failed and leaves the queue as it is: only a
     * known good item passes.
     */
    Item arriveAtReject(LineTiming timing) {
        Item head = transit.peek();
        if (head == null || head.run.compareTo(timing.encoderToRejectMin()) < 0) {
            // Nothing tracked, or the tracked head cannot be here yet: an item nobody tracked is ahead of it.
            untracked++;
            head = new Item(-1, ItemVerdict.FAILED);
        } else {
            transit.poll();
        }
        head.run = Duration.ZERO;
        atReject = head;
        return head;
    }

    void leaveReject() {
        atReject = null;
    }

    /** Adds motor-running time; returns the sensor an item is overdue at, if any. */
    Optional<Jam> advance(Duration run, LineTiming timing) {
        Optional<Jam> jam = Optional.empty();
        if (atEncoder != null && atEncoder.verdict != null) {
            atEncoder.run = atEncoder.run.plus(run);
            if (atEncoder.run.compareTo(timing.encoderEyeClear()) > 0) {
                jam = Optional.of(Jam.ENCODER_EYE);
            }
        }
        for (Item item : transit) {
            item.run = item.run.plus(run);
        }
        Item head = transit.peek();
        if (head != null && head.run.compareTo(timing.encoderToReject()) > 0) {
            jam = Optional.of(Jam.REJECT_EYE);
        }
        if (atReject != null) {
            atReject.run = atReject.run.plus(run);
            if (atReject.run.compareTo(timing.rejectEyeClear()) > 0) {
                jam = Optional.of(Jam.REJECT_EYE);
            }
        }
        return jam;
    }

    /** Forgets every item on the belt (after a jam the operator clears it by hand). */
    void clear() {
        transit.clear();
        atReject = null;
        if (atEncoder != null && atEncoder.verdict == null) {
            verdicts.put(atEncoder.id, ItemVerdict.INTERRUPTED);
        }
        atEncoder = null;
    }

    int inTransit() {
        return transit.size();
    }

    int untracked() {
        return untracked;
    }

    Map<Long, ItemVerdict> verdicts() {
        return Collections.unmodifiableMap(verdicts);
    }
}
