package com.tagline.simulator.pn532;

import java.time.Duration;

/**
 * A snapshot of the emulator's counters.
 *
 * @param exchanges     host commands answered with an ACK (command/response exchanges)
 * @param rfExchanges   exchanges with chips in the field: activations, APDUs, Type 2 frames
 * @param bytesFromHost bytes read from the serial line, preambles and noise included
 * @param bytesToHost   bytes written to the serial line, after output faults
 * @param modeledTime   the time the {@link Pn532Timing} model summed (zero with {@link Pn532Timing.Mode#OFF})
 */
public record Pn532Counters(long exchanges, long rfExchanges, long bytesFromHost, long bytesToHost,
        Duration modeledTime) {
}
