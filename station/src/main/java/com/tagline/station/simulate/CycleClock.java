package com.tagline.station.simulate;

import java.time.Duration;
import java.time.Instant;

/**
 * One simulated station's modeled cycle ({@code simulate --timing}): when each chip's encoding began on the
 * line's clock, and how long its radio exchanges and its store commits took under the models. The cycle is the
 * line's time per chip once running; what is not radio or store is the conveyor's index time.
 *
 * <p>Threading: the simulation's one thread.
 */
final class CycleClock {
    private Instant first;
    private Instant last;
    private int chips;
    private Duration radio = Duration.ZERO;
    private Duration store = Duration.ZERO;

    /** A chip's encoding began at {@code at} on the line's clock; {@code counted} false for a chip waiting for a tag. */
    void chip(Instant at, Duration radioTime, Duration storeTime, boolean counted) {
        if (!counted) {
            return;
        }
        if (first == null) {
            first = at;
        }
        last = at;
        chips++;
        radio = radio.plus(radioTime);
        store = store.plus(storeTime);
    }

    /** What the cycle came to, per chip. */
    BatchSummary.Cycle summary(CycleTiming timing) {
        if (chips < 2) {
            throw new IllegalStateException("--timing needs at least 2 chips on a station to measure a cycle");
        }
        Duration cycle = Duration.between(first, last).dividedBy(chips - 1);
        Duration radioPerChip = radio.dividedBy(chips);
        Duration storePerChip = store.dividedBy(chips);
        Duration index = cycle.minus(radioPerChip).minus(storePerChip);
        return new BatchSummary.Cycle(timing.baud(), timing.perFsync(), timing.beltMmPerSecond(), cycle, radioPerChip, storePerChip, index,
                cycle.isZero() ? 0 : Math.round(3_600_000_000_000.0 / cycle.toNanos()));
    }
}
