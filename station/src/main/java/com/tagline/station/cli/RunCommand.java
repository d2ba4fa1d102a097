package com.tagline.station.cli;

import com.tagline.hardware.TaglineException;
import com.tagline.hardware.keys.KeyFileException;
import com.tagline.station.config.ConfigException;
import com.tagline.station.config.ConfigLoader;
import com.tagline.station.config.StationConfig;
import com.tagline.station.ixkio.ManifestSource;
import com.tagline.station.run.Station;
import com.tagline.station.run.StationRuntime;
import com.tagline.station.run.Surroundings;
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
 * exits 143/130 (128 + signal), which systemd counts as a clean stop. Lines on stdin ({@link StdinConsole}):
 * {@code status}, {@code reset} (the operator's reset after a jam or a released e-stop), {@code scrap UID} (a chip
 * the station waits for will not ship), {@code stop}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the encoding station from its configuration file until SIGTERM.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "Station configuration (YAML), e.g. configs/station.example.yaml.")
    Path config;

    @Override
    public Integer call() {
        infoUnlessConfigured();
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
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            station.close();
            stopped.countDown();
        }, "shutdown"));
        Thread console = new Thread(() -> StdinConsole.serve(new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8)), System.err, bench(station, stopped)), "console");
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

    /**
     * A running station logs one INFO line per chip (architecture §8); the other commands stay at WARN so
     * their output is the result. {@code TAGLINE_LOG_LEVEL} still decides when it is set.
     */
    private static void infoUnlessConfigured() {
        if (System.getenv("TAGLINE_LOG_LEVEL") == null
                && org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

    /** The operator's stdin console over the running station; {@code stop} shuts it down and ends {@link #call()}. */
    private static StdinConsole.Bench bench(StationRuntime station, CountDownLatch stopped) {
        return new StdinConsole.Bench() {
            @Override
            public String status() {
                return station.status();
            }

            @Override
            public boolean reset() {
                return station.reset();
            }

            @Override
            public java.util.Optional<String> scrap(String uid) {
                return station.scrap(uid);
            }

            @Override
            public void stop() {
                station.close();
                stopped.countDown();
            }
        };
    }
}
