package com.tagline.station.simulate;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.line.SimulatedClock;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.sync.Alarms;
import java.util.List;

/**
 * What a {@link PlatformWork} is built from: the simulation's virtual clock, the station's store and
 * alarms, the station name, the protocols of the batch and the run's seed.
 */
public record StationParts(SimulatedClock clock, StoreAccess store, Alarms alarms, String station, List<ChipProtocol> protocols,
                    long seed) {
    public StationParts {
        protocols = List.copyOf(protocols);
    }
}
