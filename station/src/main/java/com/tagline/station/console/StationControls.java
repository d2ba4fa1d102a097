package com.tagline.station.console;

import java.util.List;

/**
 * The operator's commands, as the station carries them out. The console calls them on a worker
 * thread (never its event loop), one at a time, after checking the operator's token; each may block
 * until the owning thread (line, store, simulation) answered.
 */
public interface StationControls {
    /** The operator's reset after a jam or a released e-stop. */
    ControlResult reset();

    /** Hold the line: the belt stops after the chip in progress. */
    ControlResult pause();

    /** End the operator's pause. */
    ControlResult resume();

    /** Acknowledge the alarm named {@code code} (an {@code Alarm} name, e.g. {@code CONFLICT}). */
    ControlResult acknowledgeAlarm(String code);

    /**
     * Quarantined reports back to pending, with the operator's reason recorded.
     *
     * @param outboxIds the rows to requeue; empty for every quarantined row
     */
    ControlResult requeueQuarantined(List<Long> outboxIds, String reason);

    /** Read the platform token again (after a 401) and let the sync try at once. */
    ControlResult reloadCredentials();

    /**
     * The operator declares chip {@code uid} scrapped: it will not ship, so a tag it took goes to the next chip
     * (architecture §5). Unsupported where the station cannot do it.
     */
    default ControlResult scrapChip(String uid) {
        return ControlResult.unsupported("this station does not take scrap declarations");
    }
}
