package com.tagline.station.doctor;

import ch.qos.logback.classic.Level;
import com.tagline.station.config.ConfigException;
import com.tagline.station.config.ConfigLoader;
import com.tagline.station.config.StationConfig;
import com.tagline.station.logging.CommandLogLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station doctor --config FILE}: checks a station's set-up and prints one line per check,
 * PASS, WARN or FAIL, with what to do. Exit 0 when nothing failed, 1 otherwise. Ends within 10 s with
 * everything unplugged ({@link Doctor}).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the configuration, secrets, serial port and PN532, the chip in the field, the GPIO chip"
                + " and pins, the platform (TLS, token), the clock, free disk and the store; one line per check.",
            "Exit 0 when nothing failed, 1 otherwise. Run it as root, with the service stopped (the serial port is"
                    + " exclusive)."})
public final class DoctorCommand implements Callable<Integer> {
    /** The parallel checks' budget: with the JVM's start, the doctor ends within 10 s. */
    static final Duration DEADLINE = Duration.ofSeconds(7);

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Station configuration, e.g. /etc/tagline/station.yaml.")
    Path config;

    @Option(names = "--service-user", defaultValue = "tagline", paramLabel = "USER",
            description = "The user the service runs as, whose access is checked (default ${DEFAULT-VALUE}).")
    String serviceUser;

    @Override
    public Integer call() {
        CommandLogLevel.unlessConfigured(Level.OFF); // the report is the output: no library chatter (pi4j, Vert.x)
        StationConfig cfg;
        try {
            cfg = ConfigLoader.load(config);
        } catch (ConfigException e) {
            System.out.println(Finding.fail("config", config + ": " + String.join("; ", e.problems())
                    + "; fix the file (configs/station.example.yaml explains each field)").line());
            return 1;
        }
        System.out.println(Finding.pass("config", config + " is valid (station " + cfg.station() + ", platform "
                + cfg.platform().kind().code() + " at " + cfg.platform().baseUrl() + ", reader " + cfg.reader().link()
                + ")").line());
        Optional<ServiceAccount> account = ServiceAccount.lookup(serviceUser);
        List<Finding> findings = new Doctor(cfg, System.getenv(), account, DEADLINE).run();
        findings.forEach(f -> System.out.println(f.line()));
        System.out.flush();
        return findings.stream().anyMatch(f -> f.verdict() == Verdict.FAIL) ? 1 : 0;
    }
}
