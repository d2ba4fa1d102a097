package com.tagline.station.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * The platform refused the request with an HTTP error status (the request was not applied). Keeps
 * the status, the first error document's detail, and the {@code Retry-After} delay when given.
 */
public class PlatformStatusException extends PlatformException {
    private final int status;
    private final Duration retryAfter;

    public PlatformStatusException(String endpoint, int status, String detail, Duration retryAfter) {
        super(endpoint + ": HTTP " + status + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** From an error answer: its status and {@link HttpTransport.Response#retryAfterDelay()}. */
    public PlatformStatusException(String endpoint, HttpTransport.Response answer, String detail) {
        this(endpoint, answer.status(), detail, answer.retryAfterDelay().orElse(null));
    }

    public int status() {
        return status;
    }

    /** The server's {@code Retry-After}, if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 429 or 5xx: the platform is overloaded or failing; trying again later may succeed. */
    public boolean transientFailure() {
        return status == 429 || status >= 500;
    }
}
