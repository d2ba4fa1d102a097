package com.tagline.station.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The station CLI run in-process on a thread of its own, its stdout and stderr captured, for a test
 * that talks to it while it runs (the operator console). Only one at a time: it swaps
 * {@link System#out} and {@link System#err} until {@link #close()}.
 */
final class BackgroundCli implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream oldOut = System.out;
    private final PrintStream oldErr = System.err;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;

    BackgroundCli(String... args) {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        thread = new Thread(() -> {
            try {
                exit.complete(StationCli.run(args));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "station-cli");
        thread.setDaemon(true);
        thread.start();
    }

    String out() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    /** The first group of {@code pattern} in stderr, waiting for it up to {@code limit}. */
    String awaitErr(Pattern pattern, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            Matcher m = pattern.matcher(err());
            if (m.find()) {
                return m.group(1);
            }
            if (exit.isDone()) {
                break;
            }
            Thread.sleep(50); // poll with a deadline
        }
        throw new AssertionError("stderr never showed " + pattern + ":\n" + err());
    }

    /** Stops a lingering command (interrupts it) and returns its exit code. */
    int stop(Duration limit) throws Exception {
        thread.interrupt();
        return exit.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(20));
        System.setOut(oldOut);
        System.setErr(oldErr);
    }
}
