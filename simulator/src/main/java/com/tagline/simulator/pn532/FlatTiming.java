package com.tagline.simulator.pn532;

import java.time.Duration;

/**
 * The first timing model: a constant firmware time per host command and a constant time per exchange with a
 * chip, whatever its size, kind or bit rate ([inferred] values, e.g. 1 ms and 5 ms). Kept to compare recipes
 * with earlier measurements; {@link DatasheetTiming} replaces it.
 *
 * @param commandTime firmware time per host command (not negative)
 * @param rfExchangeTime RF and chip time per exchange with a chip (not negative)
 */
public record FlatTiming(Duration commandTime, Duration rfExchangeTime) implements TimingModel {
    public FlatTiming {
        if (commandTime.isNegative() || rfExchangeTime.isNegative()) {
            throw new IllegalArgumentException("timing durations must not be negative");
        }
    }

    @Override
    public Duration command() {
        return commandTime;
    }

    @Override
    public Duration request(RfExchange exchange) {
        return rfExchangeTime;
    }

    @Override
    public Duration answer(RfExchange exchange, int length) {
        return Duration.ZERO;
    }

    @Override
    public String name() {
        return "flat";
    }
}
