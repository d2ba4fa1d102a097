package com.tagline.simulator.pn532;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters and the timing model of one emulator. Every cost goes through {@link #charge}: it is summed as
 * modeled time unless the model is off, and the returned duration is what the emulator must actually wait
 * (non-zero only in {@link Pn532Timing.Mode#REAL_TIME}).
 *
 * <p>Thread-safe: the emulator thread charges, any thread reads a snapshot.
 */
final class Meter {
    /** HSU speed after reset (pn532.md §4; SetSerialBaudRate index 04, UM0701-02 §7.2.8). */
    static final int DEFAULT_BAUD = 115_200;

    private final AtomicLong exchanges = new AtomicLong();
    private final AtomicLong rfExchanges = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong modeledNanos = new AtomicLong();
    private volatile Pn532Timing timing = Pn532Timing.off();
    private volatile int baud = DEFAULT_BAUD;

    void timing(Pn532Timing value) {
        this.timing = value;
    }

    Pn532Timing timing() {
        return timing;
    }

    void baud(int value) {
        this.baud = value;
    }

    int baud() {
        return baud;
    }

    /** Counts one command/response exchange and charges the firmware time. */
    Duration exchange() {
        exchanges.incrementAndGet();
        return charge(timing.model().command());
    }

    /** Counts one exchange with a chip and charges its request time (until the chip's answer starts). */
    Duration rfExchange(RfExchange exchange) {
        return rfExchange(requestTime(exchange));
    }

    /** Counts one exchange with a chip that takes {@code time} on the RF side. */
    Duration rfExchange(Duration time) {
        rfExchanges.incrementAndGet();
        return charge(time);
    }

    /** The model's request time of {@code exchange}, without charging it. */
    Duration requestTime(RfExchange exchange) {
        return timing.model().request(exchange);
    }

    /** Charges the air time of the chip's answer of {@code length} bytes to {@code exchange}. */
    Duration rfAnswer(RfExchange exchange, int length) {
        return charge(timing.model().answer(exchange, length));
    }

    /** Counts bytes read from the line and charges their line time. */
    Duration bytesIn(int count) {
        bytesIn.addAndGet(count);
        return charge(Pn532Timing.lineTime(count, baud));
    }

    /** Counts bytes written to the line and charges their line time. */
    Duration bytesOut(int count) {
        bytesOut.addAndGet(count);
        return charge(Pn532Timing.lineTime(count, baud));
    }

    /** Sums {@code cost} (unless the model is off) and returns how long the emulator must wait for it. */
    Duration charge(Duration cost) {
        Pn532Timing t = timing;
        if (t.mode() == Pn532Timing.Mode.OFF) {
            return Duration.ZERO;
        }
        modeledNanos.addAndGet(cost.toNanos());
        return t.mode() == Pn532Timing.Mode.REAL_TIME ? cost : Duration.ZERO;
    }

    Pn532Counters snapshot() {
        return new Pn532Counters(exchanges.get(), rfExchanges.get(), bytesIn.get(), bytesOut.get(),
                Duration.ofNanos(modeledNanos.get()));
    }

    void reset() {
        exchanges.set(0);
        rfExchanges.set(0);
        bytesIn.set(0);
        bytesOut.set(0);
        modeledNanos.set(0);
    }
}
