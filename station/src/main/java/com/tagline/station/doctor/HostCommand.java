package com.tagline.station.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a host tool (gpiodetect, gpioinfo, timedatectl) with a deadline; its stdout when it exits 0. */
final class HostCommand {
    private HostCommand() {
    }

    /** stdout of {@code command} when it ran and exited 0 within {@code timeout}; empty otherwise. */
    static Optional<String> output(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try (InputStream in = p.getInputStream()) {
                    out[0] = in.readNBytes(1 << 20);
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            }, "doctor-" + command.get(0));
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            reader.join(1_000);
            return p.exitValue() == 0 && out[0] != null
                    ? Optional.of(new String(out[0], StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
