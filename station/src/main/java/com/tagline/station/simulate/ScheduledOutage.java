package com.tagline.station.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;

/**
 * The platform outage {@code --outage-at} asked for, and whether the run lasted long enough for it to begin:
 * an outage scheduled after the last chip and the drain never happens, and a summary that did not say so
 * would pass for a run through an outage.
 *
 * @param at     virtual time into the run at which the platform was to go offline
 * @param length how long it was to stay offline
 * @param began  the platform was offline at some step of the run
 * @param ran    the run's virtual time, the drain included
 */
public record ScheduledOutage(Duration at, Duration length, boolean began, Duration ran) {
    /** The summary's text line. */
    String line() {
        return began
                ? String.format(Locale.ROOT, "Outage:           at %s s for %s s of virtual time%n", seconds(at),
                        seconds(length))
                : String.format(Locale.ROOT, "Outage:           none: --outage-at %s s was never reached, the run"
                        + " ended after %s s of virtual time%n", seconds(at), seconds(ran));
    }

    /** {@code "outage": {"at_s", "for_s", "began", "run_s"}} in the summary's JSON. */
    void into(ObjectNode summary) {
        summary.putObject("outage").put("at_s", at.toMillis() / 1000.0).put("for_s", length.toMillis() / 1000.0)
                .put("began", began).put("run_s", ran.toMillis() / 1000.0);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
