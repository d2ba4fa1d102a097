package com.tagline.simulator.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two connected pseudo-terminals made by socat (pn532.md §6.1 item 8): the host opens {@link #hostPath()}
 * (e.g. libnfc's {@code pn532_uart:PATH}), the emulator serves {@link #privatePath()}. socat survives the
 * host opening and closing its end repeatedly. {@link #close()} ends socat and removes the links.
 *
 * <p>socat makes both links in a private directory; the host path is then published as a symlink to the
 * host's pty device, created atomically so that a path already in use is refused ({@link LinkInUseException})
 * instead of silently taken over, and removed on close only while it still leads to this pair's pty. A
 * dangling link (its emulator was killed and its pty is gone) is replaced.
 *
 * <p>Threading: not thread-safe; open and close from one thread.
 */
final class PtyPair implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PtyPair.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READY_POLL = Duration.ofMillis(20);
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    private final Process socat;
    private final Path hostPath;
    private final Path privateHostPath;
    private final Path privatePath;
    private final Path log;
    private Path published;

    private PtyPair(Process socat, Path hostPath, Path privateHostPath, Path privatePath, Path log) {
        this.socat = socat;
        this.hostPath = hostPath;
        this.privateHostPath = privateHostPath;
        this.privatePath = privatePath;
        this.log = log;
    }

    /** A host path that another pty pair (another emulator) serves. */
    static final class LinkInUseException extends IOException {
        LinkInUseException(Path link, Path target) {
            super(link + " is in use: it leads to " + target + ", the pty of another running emulator;"
                    + " stop that emulator or choose another --link");
        }
    }

    /**
     * Starts {@code socat pty,raw,echo=0,link=DIR/host pty,raw,echo=0,link=PRIVATE}, waits until both links
     * exist, then publishes {@code hostPath}. socat's diagnostics go to {@code log}.
     *
     * @param privateDir a directory of this pair alone, where socat makes its links
     * @throws LinkInUseException when {@code hostPath} leads to a live pty already
     * @throws IOException when socat cannot be started or does not create the links in time
     */
    static PtyPair open(Path hostPath, Path privateDir, Path log) throws IOException {
        Path privateHostPath = privateDir.resolve("host");
        Path privatePath = privateDir.resolve("emulator");
        for (Path p : List.of(hostPath, privatePath)) {
            if (p.toString().contains(":") || p.toString().contains(",")) {
                throw new IllegalArgumentException("pty link path must not contain ':' or ',': " + p);
            }
        }
        refuseLiveLink(hostPath);
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + privateHostPath,
                "pty,raw,echo=0,link=" + privatePath)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        PtyPair pair = new PtyPair(socat, hostPath, privateHostPath, privatePath, log);
        try {
            pair.awaitLinks();
            pair.publish();
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

    /**
     * Refuses {@code link} when it leads to an existing file (a live emulator's pty, or anything else the
     * user put there); removes it when it is a dangling symlink left by an emulator that was killed.
     */
    static void refuseLiveLink(Path link) throws IOException {
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isSymbolicLink(link)) {
            throw new IOException(link + " exists and is not a link made by an emulator; choose another --link");
        }
        Path target = Files.readSymbolicLink(link);
        if (Files.exists(link)) {
            throw new LinkInUseException(link, target);
        }
        Files.deleteIfExists(link);
        LOG.info("event=stale_link_replaced link={} old_target={}", link, target);
    }

    /** Creates {@code hostPath} → the host's pty device; fails if someone else created it meanwhile. */
    private void publish() throws IOException {
        Path device = privateHostPath.toRealPath();
        try {
            Files.createSymbolicLink(hostPath, device);
        } catch (FileAlreadyExistsException e) {
            throw new LinkInUseException(hostPath, Files.readSymbolicLink(hostPath));
        }
        published = device;
    }

    private void awaitLinks() throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!(Files.exists(privateHostPath) && Files.exists(privatePath))) {
            if (!socat.isAlive()) {
                throw new IOException("socat exited with " + socat.exitValue() + ": " + socatLog());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("socat did not create " + privateHostPath + " within " + READY_TIMEOUT);
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
        unpublish();
        for (Path p : List.of(privateHostPath, privatePath)) {
            try {
                if (Files.isSymbolicLink(p)) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                // socat removes its links itself on SIGTERM; a leftover is harmless and reported nowhere else.
            }
        }
    }

    /** Removes the host path, but only while it still leads to this pair's pty. */
    private void unpublish() {
        if (published == null) {
            return;
        }
        try {
            if (Files.isSymbolicLink(hostPath) && Files.readSymbolicLink(hostPath).equals(published)) {
                Files.delete(hostPath);
            }
        } catch (IOException e) {
            LOG.info("event=link_not_removed link={} reason={}", hostPath, e.getMessage());
        }
        published = null;
    }
}
