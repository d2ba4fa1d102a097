package com.tagline.station.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClockCheckTest {
    private static Verdict verdict(Optional<Boolean> ntp, Optional<Duration> skew) {
        return new ClockCheck(() -> ntp).check(skew).verdict();
    }

    @Test
    void judgesTheOffsetFromThePlatformFirstAndTheNtpStateBeside() {
        assertEquals(Verdict.PASS, verdict(Optional.of(true), Optional.of(Duration.ofSeconds(1))));
        assertEquals(Verdict.PASS, verdict(Optional.empty(), Optional.of(Duration.ofMillis(-800))));
        assertEquals(Verdict.WARN, verdict(Optional.of(false), Optional.of(Duration.ZERO)));
        assertEquals(Verdict.WARN, verdict(Optional.of(true), Optional.of(Duration.ofSeconds(-20))));
        assertEquals(Verdict.FAIL, verdict(Optional.of(true), Optional.of(Duration.ofMinutes(-5))));
        assertEquals(Verdict.FAIL, verdict(Optional.empty(), Optional.of(Duration.ofSeconds(61))));
    }

    @Test
    void withoutThePlatformOnlyAKnownNtpSyncPasses() {
        assertEquals(Verdict.PASS, verdict(Optional.of(true), Optional.empty()));
        assertEquals(Verdict.WARN, verdict(Optional.of(false), Optional.empty()));
        assertEquals(Verdict.WARN, verdict(Optional.empty(), Optional.empty()));
    }
}
