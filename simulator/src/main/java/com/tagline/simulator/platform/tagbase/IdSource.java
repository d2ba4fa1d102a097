package com.tagline.simulator.platform.tagbase;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Random;

/**
 * Opaque type-prefixed ids ({@code tag_}, {@code lse_}, {@code evt_}, {@code vrf_}; platform-api §1.1)
 * from a seeded {@link Random}, and the API's timestamp format (ISO 8601 UTC with microseconds, as in
 * {@code 2026-06-08T12:34:56.123456Z}). Thread-safe.
 */
final class IdSource {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private final Random random;

    IdSource(long seed) {
        random = new Random(seed);
    }

    /** {@code prefix} and 16 random hex digits. Uniqueness is the caller's check (collisions are 2^-64 rare). */
    synchronized String next(String prefix) {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return prefix + HexFormat.of().formatHex(b);
    }

    static String timestamp(Instant t) {
        return TIMESTAMP.format(t.truncatedTo(ChronoUnit.MICROS));
    }
}
