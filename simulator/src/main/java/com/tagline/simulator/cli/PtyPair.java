package com.tagline.simulator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by socat (pn532.md §6.1 item 8): the host opens {@link #hostPath()}
 * (e.g. libnfc's {@code pn532_uart:PATH}), the emulator serves {@link #privatePath()}. socat survives the
 * host opening and closing its end repeatedly. {@link #close()} ends socat and removes the links.
 *
 * <p>Threading: not thread-safe; open and close from one thread.
 */
final class PtyPair implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READY_POLL = Duration.ofMillis(20);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final Process socat;
    private final Path hostPath;
    private final Path privatePath;
    private final Path log;

    private PtyPair(Process socat, Path hostPath, Path privatePath, Path log) {
        this.socat = socat;
        this.hostPath = hostPath;
        this.privatePath = privatePath;
        this.log = log;
    }

    /**
     * Starts {@code socat pty,raw,echo=0,link=HOST pty,raw,echo=0,link=PRIVATE} and waits until both links
     * exist. socat's diagnostics go to {@code log}.
     *
     * @throws IOException when socat cannot be started or does not create the links in time
     */
    static PtyPair open(Path hostPath, Path privatePath, Path log) throws IOException {
        for (Path p : List.of(hostPath, privatePath)) {
            if (p.toString().contains(":") || p.toString().contains(",")) {
                throw new IllegalArgumentException("pty link path must not contain ':' or ',': " + p);
            }
        }
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + hostPath,
                "pty,raw,echo=0,link=" + privatePath)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        PtyPair pair = new PtyPair(socat, hostPath, privatePath, log);
        try {
            pair.awaitLinks();
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    Path hostPath() {
        return hostPath;
    }

    Path privatePath() {
        return privatePath;
    }

    boolean alive() {
        return socat.isAlive();
    }

    private void awaitLinks() throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!(Files.exists(hostPath) && Files.exists(privatePath))) {
            if (!socat.isAlive()) {
                throw new IOException("socat exited with " + socat.exitValue() + ": " + socatLog());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("socat did not create " + hostPath + " within " + READY_TIMEOUT);
            }
            try {
                Thread.sleep(READY_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for socat", e);
            }
        }
    }

    private String socatLog() {
        try {
            return Files.readString(log).strip();
        } catch (IOException e) {
            return "(no socat output)";
        }
    }

    /** Ends socat (SIGTERM, then SIGKILL after a grace period) and removes links it left behind. */
    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                socat.destroyForcibly().waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socat.destroyForcibly();
        }
        for (Path p : List.of(hostPath, privatePath)) {
            try {
                if (Files.isSymbolicLink(p)) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                // socat removes its links itself on SIGTERM; a leftover is harmless and reported nowhere else.
            }
        }
    }
}
