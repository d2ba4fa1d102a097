package com.tagline.station.console;

import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreException;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The controls every station carries out the same way, whatever wires it: acknowledging an alarm and
 * requeueing quarantined reports. Call them on a thread that may use {@code alarms} and {@code store}.
 */
public final class StationCommands {
    private StationCommands() {
    }

    /** The operator's acknowledgement of the alarm named {@code code} ({@link Alarms#acknowledge}). */
    public static ControlResult acknowledge(Alarms alarms, String code) {
        Optional<Alarm> alarm = Arrays.stream(Alarm.values()).filter(a -> a.name().equals(code)).findFirst();
        if (alarm.isEmpty()) {
            return ControlResult.invalid("no alarm " + code + " (known: " + Arrays.toString(Alarm.values()) + ")");
        }
        return switch (alarms.acknowledge(alarm.get())) {
            case CLEARED -> ControlResult.done(code + " acknowledged and cleared");
            case ACKNOWLEDGED -> ControlResult.done(code + " acknowledged; it stays raised while its condition lasts");
            case NOT_RAISED -> ControlResult.refused(code + " is not raised");
        };
    }

    /** Quarantined reports back to pending with the operator's reason ({@code Outbox#requeueQuarantined}). */
    public static ControlResult requeue(StoreAccess store, List<Long> outboxIds, String reason) {
        try {
            List<Long> done = store.call(s -> s.outbox().requeueQuarantined(outboxIds, reason));
            return done.isEmpty() ? ControlResult.refused("no quarantined report to requeue")
                    : ControlResult.done(done.size() + " quarantined reports requeued: " + done);
        } catch (StoreException e) {
            return ControlResult.refused(e.getMessage());
        }
    }
}
