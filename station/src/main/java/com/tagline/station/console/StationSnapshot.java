package com.tagline.station.console;

import com.tagline.station.line.LineState;
import com.tagline.station.line.StackLight;
import com.tagline.station.store.OutboxBacklog;
import com.tagline.station.sync.Alarms;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The station as the operator sees it at one instant, published by the threads that own each part.
 * Immutable; the console composes it with its own counters into {@code /api/status}.
 *
 * @param station    the station name
 * @param mode       {@code conveyor}, {@code hand-fed} or {@code simulated}
 * @param now        the station's clock (virtual in a simulation)
 * @param workOnHand available leased tags or manifest rows per protocol
 * @param alarms     the raised alarms, in alarm order
 */
public record StationSnapshot(String station, String mode, Instant now, Line line, Map<String, Integer> workOnHand,
                              OutboxBacklog backlog, Health health, List<Alarms.Active> alarms) {
    public StationSnapshot {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(line, "line");
        workOnHand = Map.copyOf(workOnHand);
        Objects.requireNonNull(backlog, "backlog");
        Objects.requireNonNull(health, "health");
        alarms = List.copyOf(alarms);
    }

    /**
     * The line as its controller last published it.
     *
     * @param fault          the jam message in {@link LineState#FAULT}
     * @param operatorPaused the operator paused it (else a {@link LineState#PAUSED} line waits for its outfeed)
     */
    public record Line(LineState state, Optional<String> fault, boolean operatorPaused, StackLight light) {
        public Line {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(light, "light");
        }
    }

    /**
     * The station's health: what {@code /readyz} and the health panel read. Never a key: only the
     * key-set version.
     *
     * @param diskFreeBytes usable bytes on the data directory's file system, -1 before the first sample
     * @param minFreeBytes  {@code store.min_free_mb}: below it leasing stops
     * @param dbBytes       the SQLite file with its write-ahead log
     */
    public record Health(boolean storeOpen, boolean readerConnected, String readerFirmware, long diskFreeBytes,
                         long minFreeBytes, long dbBytes, int keySetVersion) {
        public Health {
            Objects.requireNonNull(readerFirmware, "readerFirmware");
        }
    }
}
