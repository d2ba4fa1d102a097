package com.tagline.station.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the clock can be trusted for leases (their expiry is the platform's time, renewed
 * {@code renew_before_s} ahead, with {@code lease_grace_s} of allowance): the offset from the
 * platform's {@code Date} header, and the NTP state as {@code timedatectl} (or systemd-timesyncd's
 * {@code /run/systemd/timesync/synchronized}) tells it. FAIL beyond {@value #FAIL_SECONDS} s off the
 * platform, WARN beyond {@value #WARN_SECONDS} s or when NTP is known not synchronized or nothing is known.
 */
final class ClockCheck {
    static final long WARN_SECONDS = 5;
    static final long FAIL_SECONDS = 60;

    /** The NTP state: true synchronized, false not, empty unknown. */
    private final Supplier<Optional<Boolean>> ntp;

    ClockCheck(Supplier<Optional<Boolean>> ntp) {
        this.ntp = ntp;
    }

    /** systemd's view of this host. */
    static ClockCheck host() {
        return new ClockCheck(() -> {
            Optional<String> v = HostCommand.output(List.of("timedatectl", "show", "-p", "NTPSynchronized", "--value"),
                    Duration.ofSeconds(2));
            if (v.isPresent() && !v.get().isBlank()) {
                return Optional.of(v.get().strip().equals("yes"));
            }
            return Files.exists(Path.of("/run/systemd/timesync/synchronized")) ? Optional.of(true) : Optional.empty();
        });
    }

    /** @param skew local time minus the platform's, when the platform answered with a Date */
    Finding check(Optional<Duration> skew) {
        Optional<Boolean> synced = ntp.get();
        String ntpText = synced.map(s -> s ? "NTP synchronized" : "NOT NTP-synchronized")
                .orElse("NTP state unknown (no timedatectl answer)");
        if (skew.isPresent()) {
            long off = Math.abs(skew.get().toSeconds());
            String text = "off the platform's clock by " + off + " s (Date header, 1 s resolution); " + ntpText;
            if (off > FAIL_SECONDS) {
                return Finding.fail("clock", text + "; leases expire by the platform's clock: enable NTP"
                        + " (timedatectl set-ntp true) or fix the platform's");
            }
            if (off > WARN_SECONDS || synced.equals(Optional.of(false))) {
                return Finding.warn("clock", text + "; enable NTP: timedatectl set-ntp true");
            }
            return Finding.pass("clock", text);
        }
        if (synced.equals(Optional.of(true))) {
            return Finding.pass("clock", ntpText + " (the platform's Date was not available)");
        }
        return Finding.warn("clock", ntpText + ", and the platform's Date was not available: cannot tell whether"
                + " leases expire when the platform says; enable NTP: timedatectl set-ntp true");
    }
}
