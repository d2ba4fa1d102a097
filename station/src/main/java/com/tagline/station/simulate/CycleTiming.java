package com.tagline.station.simulate;

import com.tagline.simulator.line.ConveyorLayout;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code simulate --timing} (issue 13, goal 5): the line's cycle modeled per chip. The PN532 emulator sums the
 * datasheet timing model's time of every command at {@code baud} ({@code DatasheetTiming}: UART, PN532
 * firmware, RF air time at the negotiated bit rate, chip processing), the store's durable commits cost
 * {@code perFsync} each, and the conveyor's index time is the simulated belt's: the standard layout (60 mm pitch)
 * at {@code beltMmPerSecond}, so the index is the pitch's travel time.
 *
 * @param baud            the PN532 serial speed (raised with SetSerialBaudRate after init)
 * @param perFsync        what one fsync costs on the station's storage (an SD card: milliseconds to tens of them)
 * @param beltMmPerSecond the belt's speed while it runs; the standard line's is {@link #STANDARD_BELT_MM_PER_S}
 */
public record CycleTiming(int baud, Duration perFsync, int beltMmPerSecond) {
    /** The simulated line's default belt, {@link ConveyorLayout#standard()}'s. */
    public static final int STANDARD_BELT_MM_PER_S = (int) ConveyorLayout.standard().speedMmPerSecond();
    /**
     * Above this the standard line's 80 ms gate pulse would still be out when the next item, 60 mm behind, reaches
     * the gate (60 mm in 80 ms is 750 mm/s); 600 keeps a margin.
     */
    public static final int MAX_BELT_MM_PER_S = 600;

    public CycleTiming {
        Objects.requireNonNull(perFsync, "perFsync");
        if (perFsync.isNegative()) {
            throw new IllegalArgumentException("--fsync-ms must not be negative");
        }
        if (beltMmPerSecond < 50 || beltMmPerSecond > MAX_BELT_MM_PER_S) {
            throw new IllegalArgumentException("--belt-mm-s must be 50.." + MAX_BELT_MM_PER_S + ", got " + beltMmPerSecond);
        }
    }

    /** This belt's speed over the standard one's: the line's travel limits scale by its inverse. */
    public double beltSpeedup() {
        return (double) beltMmPerSecond / STANDARD_BELT_MM_PER_S;
    }
}
