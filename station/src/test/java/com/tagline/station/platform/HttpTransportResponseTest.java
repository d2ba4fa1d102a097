package com.tagline.station.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link HttpTransport.Response#retryAfterDelay()}: delta-seconds only (RFC 9110 §10.2.3). */
class HttpTransportResponseTest {
    private static Optional<Duration> delay(String header) {
        return new HttpTransport.Response(503, header, new byte[0]).retryAfterDelay();
    }

    @Test
    void deltaSecondsAreADelay() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), delay("1"));
        assertEquals(Optional.of(Duration.ofSeconds(120)), delay(" 120 "));
        assertEquals(Optional.of(Duration.ZERO), delay("0"));
    }

    @Test
    void absentNegativeOrDateIsNoDelay() {
        assertEquals(Optional.empty(), delay(null));
        assertEquals(Optional.empty(), delay("-5"));
        assertEquals(Optional.empty(), delay(""));
        assertEquals(Optional.empty(), delay("Wed, 21 Oct 2015 07:28:00 GMT"));
    }
}
