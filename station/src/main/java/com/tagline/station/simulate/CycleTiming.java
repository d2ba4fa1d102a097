package com.tagline.station.simulate;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code simulate --timing} (issue 13, goal 5): the line's cycle modeled per chip. The PN532 emulator sums the
 * datasheet timing model's time of every command at {@code baud} ({@code DatasheetTiming}: UART, PN532
 * firmware, RF air time at the negotiated bit rate, chip processing), the store's durable commits cost
 * {@code perFsync} each, and the conveyor's index time is the simulated belt's.
 *
 * @param baud     the PN532 serial speed (raised with SetSerialBaudRate after init)
 * @param perFsync what one fsync costs on the station's storage (an SD card: milliseconds to tens of them)
 */
public record CycleTiming(int baud, Duration perFsync) {
    public CycleTiming {
        Objects.requireNonNull(perFsync, "perFsync");
        if (perFsync.isNegative()) {
            throw new IllegalArgumentException("--fsync-ms must not be negative");
        }
    }
}
