package com.tagline.simulator.platform;

/**
 * One set of injected faults (platform-api §1.4). All off is {@link #NONE}.
 *
 * @param outage            every API call fails: the connection is closed without an answer
 * @param latencyMs         delay before each API call is handled, 0..{@value #MAX_LATENCY_MS}
 * @param errorRate         probability 0..1 that an API call is answered {@code 503} with {@code Retry-After: 1}
 *                          without being applied
 * @param dropResponsesRate probability 0..1 that an API call is applied but the connection is closed
 *                          before the answer (the ambiguous case)
 * @param throttleRate      probability 0..1 that an API call not answered {@code 503} is answered {@code 429 Too
 *                          Many Requests} with {@code Retry-After: }{@value #THROTTLE_RETRY_AFTER_SECONDS} without
 *                          being applied (RFC 6585 §4)
 */
public record FaultSettings(boolean outage, long latencyMs, double errorRate, double dropResponsesRate,
                            double throttleRate) {
    public static final long MAX_LATENCY_MS = 60_000;
    /** The {@code Retry-After} of an injected {@code 429}: longer than a 503's 1 s, as a rate limit's window is. */
    public static final int THROTTLE_RETRY_AFTER_SECONDS = 2;
    public static final FaultSettings NONE = new FaultSettings(false, 0, 0, 0);

    public FaultSettings {
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latency_ms must be 0.." + MAX_LATENCY_MS + ", got " + latencyMs);
        }
        checkRate("error_rate", errorRate);
        checkRate("drop_responses_rate", dropResponsesRate);
        checkRate("throttle_rate", throttleRate);
    }

    /** The faults without throttling. */
    public FaultSettings(boolean outage, long latencyMs, double errorRate, double dropResponsesRate) {
        this(outage, latencyMs, errorRate, dropResponsesRate, 0);
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be a number 0..1, got " + rate);
        }
    }
}
