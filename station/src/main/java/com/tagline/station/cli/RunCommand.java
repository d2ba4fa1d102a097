package com.tagline.station.cli;

import ch.qos.logback.classic.Level;
import com.tagline.hardware.TaglineException;
import com.tagline.hardware.keys.KeyFileException;
import com.tagline.station.config.ConfigException;
import com.tagline.station.config.ConfigLoader;
import com.tagline.station.config.StationConfig;
import com.tagline.station.ixkio.ManifestSource;
import com.tagline.station.logging.CommandLogLevel;
import com.tagline.station.run.Station;
import com.tagline.station.run.StationRuntime;
import com.tagline.station.run.Surroundings;
import com.tagline.station.service.SystemdNotifier;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station run --config FILE}: the production entry point (issue 6). Exit 2 for a bad
 * configuration (every bad field named), 1 when the station cannot start (key file, reader, GPIO),
 * 0 after {@code stop} on stdin; on SIGTERM/SIGINT the shutdown hook shuts down cleanly and the JVM
 * exits 143/130 (128 + signal), which systemd counts as a clean stop. Lines on stdin: {@code status}, {@code reset}
 * (the operator's reset after a jam or a released e-stop), {@code stop}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the encoding station from its configuration file until SIGTERM.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "Station configuration (YAML), e.g. configs/station.example.yaml.")
    Path config;

    @Override
    public Integer call() {
        // A running station logs one INFO line per chip (architecture §8); the other commands stay at WARN.
        CommandLogLevel.unlessConfigured(Level.INFO);
        StationConfig cfg;
        try {
            cfg = ConfigLoader.load(config);
        } catch (ConfigException e) {
            System.err.println("run: configuration " + config + " is not usable:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return 2;
        }
        StationRuntime station;
        try {
            station = StationRuntime.start(Station.assemble(cfg, Surroundings.line(System.getenv())), o -> { });
        } catch (ManifestSource.ManifestRefusedException e) {
            System.err.println("run: " + e.getMessage() + ":");
            e.errors().forEach(m -> System.err.println("  " + m));
            return 2;
        } catch (ConfigException | KeyFileException e) {
            // a secret the configuration names is missing or unsafe: the configuration's problem (exit 2)
            System.err.println("run: " + e.getMessage());
            return 2;
        } catch (TaglineException | IllegalArgumentException | IllegalStateException
                 | java.io.UncheckedIOException e) {
            // IllegalStateException: the operator console cannot listen on its configured address
            System.err.println("run: the station cannot start: " + e.getMessage());
            return 1;
        }
        // Type=notify (tagline-station.service): the store, the reader and the platform thread are up.
        SystemdNotifier systemd = new SystemdNotifier(System.getenv());
        systemd.ready("station " + cfg.station() + " running");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            systemd.stopping("finishing the chip in progress, flushing the outbox");
            station.close();
            stopped.countDown();
        }, "shutdown"));
        Thread console = new Thread(() -> console(station, stopped), "console");
        console.setDaemon(true);
        console.start();
        System.err.println("run: station " + cfg.station() + " running; SIGTERM or 'stop' ends it cleanly");
        station.consoleUrl().ifPresent(u -> System.err.println("run: operator console at " + u));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Operator lines on stdin; end of input (a daemon's /dev/null) just ends the console. */
    private static void console(StationRuntime station, CountDownLatch stopped) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                switch (line.strip()) {
                    case "status" -> System.err.println("status: " + station.status());
                    case "reset" -> System.err.println("reset: " + (station.reset() ? "line restarted" : "refused"));
                    case "" -> { }
                    case "stop" -> {
                        station.close();
                        stopped.countDown();
                        return;
                    }
                    default -> System.err.println(OperatorLine.answer(line, station::scrap));
                }
            }
        } catch (java.io.IOException e) {
            // no console
        }
    }
}
