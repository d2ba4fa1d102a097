package com.tagline.simulator.pn532;

import java.time.Duration;

/**
 * What the emulator's time model charges besides the serial line (which always costs 10 bit times per byte at
 * the current baud rate, {@link Pn532Timing#lineTime}): the PN532's firmware time per host command, and per
 * exchange with a chip the time until the chip's answer starts ({@link #request}) and the answer's own air time
 * ({@link #answer}). The split lets the emulator apply a command only after its request time (a chip taken out
 * of the field meanwhile never saw it) and report a time-out when the request time exceeds the PN532's
 * RetryTimeout (the chip acted, its answer came too late).
 *
 * <p>Implementations are immutable and thread-safe: {@link FlatTiming} (a constant per exchange) and
 * {@link DatasheetTiming} (air time at the bit rate, chip processing per command class).
 */
public interface TimingModel {
    /** Firmware time of one host command (frame check, ACK, dispatch), not counting RF work. */
    Duration command();

    /** From the PN532's first bit to the chip's first answering bit: PCD frames, chip processing, frame delay. */
    Duration request(RfExchange exchange);

    /** Air time of the chip's answer of {@code length} bytes (0 for a mute chip; 1 for a 4-bit ACK/NAK). */
    Duration answer(RfExchange exchange, int length);

    /** A short label for reports, e.g. {@code flat} or {@code datasheet}. */
    String name();
}
