package com.tagline.station.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The operator's lines on {@code station run}'s stdin: {@code status}, {@code reset}, {@code scrap UID},
 * {@code stop}; each is answered with one line on {@code out}. A command that fails is answered with why, and the
 * console reads on: whatever went wrong, {@code stop} must still get through. End of input (a daemon's
 * {@code /dev/null}) just ends the console.
 *
 * <p>Threading: {@link #serve} runs on the console's own thread; {@link Bench} is called from it.
 */
final class StdinConsole {
    /** What the console's commands act on (the running station). */
    interface Bench {
        String status();

        /** The operator's reset of the line; false when refused. */
        boolean reset();

        /** The operator declares chip {@code uid} scrapped; the tag it held, if any. */
        Optional<String> scrap(String uid);

        /** A clean shutdown; returns once the station has stopped. */
        void stop();
    }

    private StdinConsole() {
    }

    static void serve(BufferedReader in, PrintStream out, Bench bench) {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.strip();
                if (command.equals("stop")) {
                    bench.stop();
                    return;
                }
                try {
                    answer(command, out, bench);
                } catch (RuntimeException e) {
                    out.println("run: '" + command + "' failed: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            // no console
        }
    }

    private static void answer(String command, PrintStream out, Bench bench) {
        String[] words = command.split("\\s+");
        switch (command) {
            case "" -> { }
            case "status" -> out.println("status: " + bench.status());
            case "reset" -> out.println("reset: " + (bench.reset() ? "line restarted" : "refused"));
            default -> {
                if (words.length == 2 && words[0].equals("scrap") && words[1].matches("[0-9A-Fa-f]{8,20}")) {
                    String uid = words[1].toUpperCase(Locale.ROOT);
                    out.println("scrap: " + bench.scrap(uid).map(t -> "tag " + t + " goes to the next chip")
                            .orElse("chip " + uid + " holds no tag"));
                } else {
                    out.println("unknown command '" + command + "' (status, reset, scrap UID, stop)");
                }
            }
        }
    }
}
