package com.tagline.station.cli;

import com.tagline.station.simulate.SimulationConsole;
import com.tagline.station.simulate.StationSimulation;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The console of one {@code station simulate --console} run, from the command line's side: prints its
 * URL when it listens, lingers after the summary when asked ({@code --linger}: until Ctrl-C or SIGTERM,
 * whose shutdown hook closes it), and closes it otherwise.
 */
final class SimulatedConsoleRun implements AutoCloseable {
    private final Optional<SimulationConsole> console;

    private SimulatedConsoleRun(Optional<SimulationConsole> console) {
        this.console = console;
    }

    static SimulatedConsoleRun of(Optional<SimulationConsole.Options> options, StationSimulation simulation) {
        Optional<SimulationConsole> console = options.map(o -> new SimulationConsole(o,
                url -> System.err.println("simulate: operator console at " + url)));
        console.ifPresent(simulation::observedBy);
        return new SimulatedConsoleRun(console);
    }

    /**
     * With {@code linger}, waits (console up) until the process is told to stop, or the calling thread is
     * interrupted.
     */
    void lingerIf(boolean linger) {
        if (!linger || console.isEmpty()) {
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            console.get().close();
            stop.countDown();
        }, "console-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.err.println("simulate: the console stays up at " + console.get().url().orElse("-")
                + "; Ctrl-C or SIGTERM ends it");
        try {
            stop.await();
        } catch (InterruptedException e) {
            // an in-process caller (a test) ends the lingering; the console closes with this run
            Runtime.getRuntime().removeShutdownHook(hook);
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        console.ifPresent(SimulationConsole::close);
    }
}
