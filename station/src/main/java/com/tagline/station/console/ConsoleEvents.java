package com.tagline.station.console;

import java.time.Instant;

/**
 * What the station tells the console as it happens: each chip's outcome and each sync result. These
 * feed the counters that the page and {@code /metrics} both read. Any thread; implementations are
 * thread-safe and cheap (the reader thread calls {@link #chip} after every chip).
 */
public interface ConsoleEvents {
    /** One chip left the antenna with an outcome (a chip that only waited for a lease is not one). */
    void chip(ChipEvent chip);

    /**
     * {@code count} more sync requests or reports ended with {@code result} by {@code at}.
     */
    void sync(SyncResult result, long count, Instant at);

    /** Nothing is counted (no console). */
    ConsoleEvents NONE = new ConsoleEvents() {
        @Override
        public void chip(ChipEvent chip) {
        }

        @Override
        public void sync(SyncResult result, long count, Instant at) {
        }
    };
}
