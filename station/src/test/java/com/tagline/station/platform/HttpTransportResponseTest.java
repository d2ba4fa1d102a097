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

    /** A wait beyond an hour, or too big for any clock, is an hour: the sync looks again then. */
    @Test
    void aDelayBeyondAnHourIsAnHour() {
        assertEquals(Optional.of(Duration.ofHours(1)), delay("3600"));
        assertEquals(Optional.of(Duration.ofHours(1)), delay("7200"));
        assertEquals(Optional.of(Duration.ofHours(1)), delay("9223372036854775807"));
        assertEquals(Optional.of(Duration.ofHours(1)), delay("99999999999999999999999"));
        assertEquals(Optional.of(Duration.ofSeconds(3599)), delay("3599"));
    }

    @Test
    void absentNegativeOrDateIsNoDelay() {
        assertEquals(Optional.empty(), delay(null));
        assertEquals(Optional.empty(), delay("-5"));
        assertEquals(Optional.empty(), delay(""));
        assertEquals(Optional.empty(), delay("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Optional.empty(), delay("1.5"));
        assertEquals(Optional.empty(), delay("+5"));
    }
}
