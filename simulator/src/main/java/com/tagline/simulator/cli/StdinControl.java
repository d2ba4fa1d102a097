package com.tagline.simulator.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads control lines from standard input on a daemon thread and reports end of input, which stops the
 * server. Only a pipe, socket or regular file is read: a terminal is not (a background job reading its
 * terminal would be stopped by SIGTTIN) and {@code /dev/null} is not (it would end the server at once).
 *
 * <p>What the lines mean is the command's ({@code onLine}); blank lines are skipped, others are stripped.
 */
final class StdinControl {
    private final InputStream in;
    private final PrintStream out;
    private final Consumer<String> onLine;
    private final Runnable onEnd;

    StdinControl(InputStream in, PrintStream out, Consumer<String> onLine, Runnable onEnd) {
        this.in = in;
        this.out = out;
        this.onLine = onLine;
        this.onEnd = onEnd;
    }

    /**
     * True when this process's stdin is a pipe, a socket, a named pipe or a regular file, judged from the
     * Linux link {@code /proc/self/fd/0}: anonymous pipes and sockets read {@code pipe:[…]}/{@code socket:[…]},
     * terminals and {@code /dev/null} live under {@code /dev/}.
     */
    static boolean stdinIsControlChannel() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            if (target.startsWith("pipe:") || target.startsWith("socket:")) {
                return true;
            }
            return !target.startsWith("/dev/") && Files.exists(Path.of(target));
        } catch (IOException | UnsupportedOperationException e) {
            // No /proc (not Linux) or a file system without symbolic links: treat stdin as no control channel.
            return false;
        }
    }

    void start() {
        Thread t = new Thread(this::run, "stdin-control");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    onLine.accept(line.strip());
                }
            }
        } catch (IOException e) {
            out.println("error: stdin: " + e.getMessage());
        }
        onEnd.run();
    }
}
