package com.tagline.simulator.outside;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code simulator pn532} as its own process (the code of {@code simulator.jar pn532}, from this build's class
 * path), serving a socat pty at {@link #link()}, with its stdin as the control channel ({@code add KIND:UID},
 * {@code remove UID}) and its log (level info) in a file that tests check for WARN and ERROR lines.
 */
public final class EmulatorProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(10);

    private final Process process;
    private final Writer control;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path log;
    private final Path link;
    private final List<String> added = new ArrayList<>();

    private EmulatorProcess(Process process, Path log, Path link) {
        this.process = process;
        this.log = log;
        this.link = link;
        this.control = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readStdout, "emulator-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the emulator with {@code link} as the host's pty path and waits until it serves. */
    public static EmulatorProcess start(Path dir, Path link) throws IOException, InterruptedException {
        Path log = dir.resolve("emulator.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "com.tagline.simulator.cli.SimulatorCli", "pn532", "--link", link.toString(), "--log-level", "info")
                .redirectError(log.toFile())
                .start();
        EmulatorProcess emulator = new EmulatorProcess(p, log, link);
        String first = emulator.lines.poll(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        if (!link.toString().equals(first)) {
            emulator.close();
            throw new IOException("the emulator did not start: " + first + "\n" + emulator.log());
        }
        return emulator;
    }

    public Path link() {
        return link;
    }

    /** Sends one control line and returns the emulator's one-line answer. */
    public String control(String line) throws IOException, InterruptedException {
        control.write(line + "\n");
        control.flush();
        String answer = lines.poll(ANSWER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null) {
            throw new IOException("no answer to '" + line + "'\n" + log());
        }
        return answer;
    }

    /** Puts a chip ({@code KIND:UIDHEX}) in the field. */
    public void add(String chip) throws IOException, InterruptedException {
        String answer = control("add " + chip);
        if (!answer.startsWith("added ")) {
            throw new IOException("'add " + chip + "': " + answer);
        }
        added.add(chip.substring(chip.indexOf(':') + 1));
    }

    /** Takes the chip with {@code uid} out of the field. */
    public void remove(String uid) throws IOException, InterruptedException {
        String answer = control("remove " + uid);
        if (!answer.startsWith("removed ")) {
            throw new IOException("'remove " + uid + "': " + answer);
        }
        added.removeIf(uid::equalsIgnoreCase);
    }

    /** Takes every chip added through {@link #add} out of the field. */
    public void clearField() throws IOException, InterruptedException {
        for (String uid : List.copyOf(added)) {
            remove(uid);
        }
    }

    /** The emulator's log so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Log lines at WARN or ERROR (slf4j-simple's format: "[thread] LEVEL logger - message"). */
    public List<String> warningsAndErrors() throws IOException {
        return log().lines().filter(l -> l.matches("^\\[[^]]*] (WARN|ERROR) .*")).toList();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            control.close(); // end of stdin: the emulator stops and removes its link
        } catch (IOException e) {
            // it already ended
        }
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("stdout ended: " + e.getMessage());
        }
    }
}
