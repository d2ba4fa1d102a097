package com.tagline.simulator.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The serving part of an emulator command whose server is already listening: prints its base URL on stdout,
 * then blocks until SIGTERM/SIGINT or the end of a piped stdin ({@link StdinControl}). The one stdin line
 * understood is {@code state}, answered with one line from {@code state}; any other line is answered with an
 * error line. The caller closes its server after {@link #serve} returns.
 *
 * <p>Threading: {@link #serve} blocks the calling thread; {@code state} is called on the stdin reader's
 * thread while the server runs, so it must be safe to call from there.
 */
final class ServeUntilStopped {
    private ServeUntilStopped() {
    }

    /**
     * Serves until stopped, as the class comment says.
     *
     * @param name    names the shutdown hook thread ({@code name-shutdown})
     * @param baseUrl printed on {@code out} once, first
     * @param out     the command's stdout
     * @param state   the answer to a {@code state} line
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    static void serve(String name, String baseUrl, PrintWriter out, Supplier<String> state)
            throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.println(baseUrl);
            out.flush();
            if (StdinControl.stdinIsControlChannel()) {
                new StdinControl(System.in, System.out, line -> control(line, out, state), stop::countDown).start();
            }
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook has run
            }
        }
    }

    /** One stdin control line; answers one line on {@code out}. */
    static void control(String line, PrintWriter out, Supplier<String> state) {
        if (line.equals("state")) {
            out.println(state.get());
        } else {
            out.println("error: unknown command '" + line + "' (state)");
        }
        out.flush();
    }
}
