package com.tagline.station.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program of this build run in a process of its own (java -cp the test class path), as an operator or
 * another program runs it: its stdin is a pipe, its stdout and stderr lines are collected as they come.
 * Tests wait for lines with a deadline, never sleep for them.
 */
final class JavaProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Writer stdin;
    private final List<String> lines = new ArrayList<>();

    private JavaProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        collect(process.getInputStream(), "out");
        collect(process.getErrorStream(), "err");
    }

    /** Starts {@code main} with {@code args}; {@code env} is added to this process's environment. */
    static JavaProcess start(String name, Class<?> main, Map<String, String> env, Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().putAll(env);
        try {
            return new JavaProcess(name, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collect(InputStream in, String stream) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(stream + ": " + line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name + "-" + stream);
        t.setDaemon(true);
        t.start();
    }

    /** The first line (stdout or stderr, prefixed {@code out: }/{@code err: }) from {@code from} on matching {@code p}. */
    String awaitLine(int from, Predicate<String> p, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int i = from;
            while (true) {
                for (; i < lines.size(); i++) {
                    if (p.test(lines.get(i))) {
                        return lines.get(i);
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0 || !process.isAlive() && i >= lines.size()) {
                    throw new AssertionError(name + ": no matching line within " + timeout.toSeconds() + " s"
                            + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")") + "; last lines:\n  "
                            + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
                }
                try {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** How many lines have come so far (a mark for {@link #awaitLine}). */
    int mark() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /** Every line so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The operating system's id of the process. */
    long pid() {
        return process.pid();
    }

    /** One line on the program's stdin. */
    void send(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " does not read its stdin any more", e);
        }
    }

    /** SIGKILL: the process dies where it stands, as in a crash or a power cut of the station's computer. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not exit within " + timeout.toSeconds() + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
