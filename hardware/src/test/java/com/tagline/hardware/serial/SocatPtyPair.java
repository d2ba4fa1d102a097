package com.tagline.hardware.serial;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A connected pty pair made by socat (pn532.md §6.1 item 8, jssc's own {@code VirtualPortRule}):
 * {@code socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B}. Readiness is socat's own
 * "starting data transfer loop" log line, not a sleep. {@link #close()} ends the process.
 */
public final class SocatPtyPair implements AutoCloseable {
    private final Process process;
    private final Path first;
    private final Path second;

    private SocatPtyPair(Process process, Path first, Path second) {
        this.process = process;
        this.first = first;
        this.second = second;
    }

    /** True when an executable {@code socat} is on PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts socat with links {@code dir/pty-a} and {@code dir/pty-b}; waits up to 10 s for it. */
    public static SocatPtyPair start(Path dir) throws IOException, InterruptedException {
        Path a = dir.resolve("pty-a");
        Path b = dir.resolve("pty-b");
        Process process = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a,
                "pty,raw,echo=0,link=" + b).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread logReader = new Thread(() -> drain(process, ready), "socat-log");
        logReader.setDaemon(true);
        logReader.start();
        SocatPtyPair pair = new SocatPtyPair(process, a, b);
        if (!ready.await(10, TimeUnit.SECONDS) || !Files.exists(a) || !Files.exists(b)) {
            pair.close();
            throw new IOException("socat did not create " + a + " and " + b);
        }
        return pair;
    }

    private static void drain(Process process, CountDownLatch ready) {
        try (BufferedReader log = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = log.readLine(); line != null; line = log.readLine()) {
                if (line.contains("starting data transfer loop")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            ready.countDown();
        }
    }

    public Path first() {
        return first;
    }

    public Path second() {
        return second;
    }

    /** Ends socat (it removes its links) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
