package com.tagline.station.simulate;

import com.tagline.station.config.StationConfig;
import com.tagline.station.run.Station;
import com.tagline.station.run.Surroundings;
import com.tagline.station.workflow.EncodeOutcome;
import java.util.List;

/**
 * One station of a simulation: a {@link Station} assembled by the composition root from its configuration,
 * in surroundings of doubles (a PN532 emulator as its reader, the simulated line's pins, a virtual clock),
 * driven on the simulation's thread: a chip is put at the antenna and encoded by the station's encoder
 * through the real PN532 driver, and the platform side ticks in virtual time.
 */
final class SimulatedStation implements AutoCloseable {
    private final Station station;
    private final SimulatedReader reader;

    private SimulatedStation(Station station, SimulatedReader reader) {
        this.station = station;
        this.reader = reader;
    }

    /** Assembles the station and resolves attempts a crash left in flight, as {@code station run} does at start. */
    static SimulatedStation open(StationConfig config, Surroundings surroundings, SimulatedReader reader) {
        Station station = Station.assemble(config, surroundings.withLinks(name -> reader.hostEnd()));
        try {
            List<EncodeOutcome> resumed = station.encoder().recover(station.antenna());
            if (!resumed.isEmpty()) {
                throw new IllegalStateException("a fresh simulated station resumed " + resumed.size() + " chips");
            }
        } catch (RuntimeException e) {
            station.close();
            throw e;
        }
        return new SimulatedStation(station, reader);
    }

    Station station() {
        return station;
    }

    String name() {
        return station.config().station();
    }

    /** Puts {@code chip} at the antenna, encodes it, and takes it away. */
    EncodeOutcome encode(SimulatedChip chip) {
        reader.present(chip);
        try {
            return station.encoder().encode(station.antenna());
        } finally {
            reader.remove();
        }
    }

    /** The radio time the reader's timing model summed so far (zero without one). */
    java.time.Duration radioTime() {
        return reader.modeledTime();
    }

    /** The store's durable commits (fsyncs) so far. */
    long durableCommits() {
        return station.store().call(s -> s.durableCommits());
    }

    /** The platform side's work due at the station's clock time. */
    void tick() {
        station.platform().tick();
    }

    boolean drained() {
        return station.platform().drained();
    }

    /** Clean shutdown of the platform side: leases with unused tags go back. */
    void shutdownPlatform() {
        station.platform().releaseUnused();
    }

    @Override
    public void close() {
        try {
            station.close();
        } finally {
            reader.close();
        }
    }
}
