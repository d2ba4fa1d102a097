package com.tagline.station.simulate;

import com.tagline.station.run.Station;
import com.tagline.station.store.ConfiguredChip;
import com.tagline.station.sync.SyncStats;
import java.util.List;
import java.util.Map;

/**
 * What one simulated station ended with: its chips, the store's outbox and the sync's counters, and the
 * chips it configured (for the cross-station checks).
 *
 * @param synced    outcomes the platform confirmed
 * @param unsynced  outcomes still pending or in doubt
 */
record StationResult(String name, int chips, int encoded, int synced, int unsynced, int quarantined, int tagsFailed,
                     SyncStats stats, boolean wentOffline, List<ConfiguredChip> configured) {
    StationResult {
        configured = List.copyOf(configured);
    }

    static StationResult of(Station station, int chips, int encoded, List<ConfiguredChip> configured) {
        Map<String, Integer> counts = station.store().call(s -> s.outbox().counts());
        int tagsFailed = station.store().call(s -> s.failedOutcomes());
        return new StationResult(station.config().station(), chips, encoded, counts.getOrDefault("confirmed", 0),
                counts.getOrDefault("pending", 0) + counts.getOrDefault("sent", 0), counts.getOrDefault("quarantined", 0),
                tagsFailed, station.platform().sync().stats(),
                station.alarms().timesRaised(com.tagline.station.sync.Alarm.OFFLINE) > 0, configured);
    }
}
