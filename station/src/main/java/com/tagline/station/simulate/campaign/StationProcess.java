package com.tagline.station.simulate.campaign;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One life of {@code station run --config FILE} in a process of its own, started with this program's own class
 * path, as an operator starts it: stdin is the operator's console, its stdout and stderr lines are collected
 * as they come (and appended to the campaign's log, marked with the life). It ends with {@link #kill()}
 * (SIGKILL: the computer dies where it stands) or {@code stop} on stdin.
 *
 * <p>Threading: one campaign thread drives it; two daemon threads read its output.
 */
final class StationProcess {
    /** The station's own settings of its log, which the campaign reads: logfmt on stderr, INFO. */
    private static final List<String> LOG_SETTINGS = List.of("TAGLINE_LOG_FORMAT", "TAGLINE_LOG_LEVEL", "JOURNAL_STREAM");

    private final int life;
    private final Process process;
    private final Writer stdin;
    private final ConcurrentLinkedQueue<String> unread = new ConcurrentLinkedQueue<>();
    private final long startedNanos = System.nanoTime();

    private StationProcess(int life, Process process, PrintWriter log) {
        this.life = life;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        collect(process.getInputStream(), log);
        collect(process.getErrorStream(), log);
    }

    /**
     * Starts life number {@code life}.
     *
     * @param env added to this process's environment (the secrets: keys and token, never arguments)
     * @param log every line of the station, prefixed with the life
     */
    static StationProcess start(int life, Path config, Map<String, String> env, Path workDir, PrintWriter log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // lives are short: start-up is most of their CPU; C1 only and the serial collector start fastest
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", JavaClassPath.absolute(),
                "com.tagline.station.cli.StationCli", "run", "--config", config.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        LOG_SETTINGS.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        try {
            return new StationProcess(life, pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start station run: " + e.getMessage(), e);
        }
    }

    private void collect(InputStream in, PrintWriter log) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    unread.add(line);
                    synchronized (log) {
                        log.println("life=" + life + " " + line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "station-" + life + "-output");
        t.setDaemon(true);
        t.start();
    }

    int life() {
        return life;
    }

    /** The lines that came since the last call, in order. */
    List<String> newLines() {
        List<String> out = new ArrayList<>();
        for (String l; (l = unread.poll()) != null; ) {
            out.add(l);
        }
        return out;
    }

    /** Milliseconds since the process was started. */
    long ageMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000L;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** One line on the station's stdin; false when it no longer reads it (it died). */
    boolean send(String line) {
        try {
            stdin.write(line + "\n");
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** The exit code, empty when it did not exit within {@code limit}. */
    java.util.OptionalInt awaitExit(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }
}
