package com.tagline.station.workflow;

/**
 * Where a station's pending work comes from, one per platform (architecture §2: the seam beside
 * {@code OutcomeSink}): tagbase leases ({@link Leasing}), or an imported ixkio encoding manifest
 * ({@code station.ixkio.ManifestSource}). Either way the work lands as jobs in the store, where the
 * {@link ChipEncoder} takes it.
 *
 * <p>Threading: the platform thread (or the simulation loop), one call at a time; {@link #retryNow()}
 * from any thread.
 */
public interface JobSource {
    /** Keeps work on hand; cheap when nothing is due. Platform trouble raises alarms, never throws. */
    void runOnce();

    /**
     * Clean shutdown: gives back work this station will not use (tagbase: releases leases whose tags are
     * not all used and whose outcomes are confirmed).
     *
     * @return how many leases were given back
     */
    int releaseUnused();

    /**
     * The platform token was read again (an operator's reload after a refusal, issue 14): the next
     * {@link #runOnce()} calls the platform at once instead of waiting out the backoff of the refused
     * calls. A source that makes no platform calls (an imported manifest) has nothing to do. Any thread.
     */
    default void retryNow() {
    }
}
