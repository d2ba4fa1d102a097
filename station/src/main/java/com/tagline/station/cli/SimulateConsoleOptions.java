package com.tagline.station.cli;

import com.tagline.station.config.ConfigException;
import com.tagline.station.config.Secret;
import com.tagline.station.console.ConsoleSettings;
import com.tagline.station.console.OperatorToken;
import com.tagline.station.simulate.SimulationConsole;
import com.tagline.station.simulate.StationSimulation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/**
 * {@code station simulate}'s operator console options (issue 14): serve the console during the run,
 * pace virtual time so a person can watch, keep it up afterwards, and a scheduled e-stop to practise
 * the reset on. The controls' token comes from an owner-only file or {@code TAGLINE_OPERATOR_TOKEN},
 * never from the command line.
 */
final class SimulateConsoleOptions {
    static final String TOKEN_ENV = "TAGLINE_OPERATOR_TOKEN";

    @Option(names = "--console", paramLabel = "[HOST:]PORT",
            description = "Serve the operator console (page, /api/status, /metrics) here; a bare port listens on 127.0.0.1.")
    String console;

    @Option(names = "--pace", paramLabel = "X",
            description = "Run the simulated line at X times real time (default: as fast as it can); needs --console.")
    Double pace;

    @Option(names = "--linger", description = "Keep the console up after the summary until Ctrl-C or SIGTERM.")
    boolean linger;

    @Option(names = "--estop-at", paramLabel = "SECONDS",
            description = "Press the simulated e-stop this many seconds (virtual time) into the run, once no chip is at the"
                    + " antenna; the line then"
                    + " waits for the operator's reset on the console. Needs --console.")
    Double estopAt;

    @Option(names = "--estop-for", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long the e-stop stays pressed (default ${DEFAULT-VALUE}).")
    double estopFor;

    @Option(names = "--operator-token-file", paramLabel = "FILE",
            description = "The console controls' bearer token (chmod 600); or set " + TOKEN_ENV + ". Without one the"
                    + " controls are refused.")
    Path tokenFile;

    @Option(names = "--target-per-hour", paramLabel = "N", description = "The line's target rate shown on the console.")
    Long targetPerHour;

    boolean enabled() {
        return console != null;
    }

    /**
     * The console's options, or empty without {@code --console}.
     *
     * @throws IllegalArgumentException naming the bad option (exit 2)
     */
    Optional<SimulationConsole.Options> options(Map<String, String> env) {
        if (console == null) {
            if (pace != null || linger || estopAt != null || tokenFile != null) {
                throw new IllegalArgumentException("--pace, --linger, --estop-at and --operator-token-file need --console");
            }
            return Optional.empty();
        }
        ConsoleSettings settings = ConsoleSettings.listen(console).withOperatorToken(token(env))
                .withTokenSource("--operator-token-file FILE or " + TOKEN_ENV)
                .withTargetPerHour(targetPerHour == null ? OptionalLong.empty() : OptionalLong.of(targetPerHour));
        return Optional.of(new SimulationConsole.Options(settings,
                pace == null ? OptionalDouble.empty() : OptionalDouble.of(pace),
                Optional.ofNullable(estopAt).map(StationSimulation::seconds), StationSimulation.seconds(estopFor)));
    }

    private Optional<OperatorToken> token(Map<String, String> env) {
        Optional<Secret> source = tokenFile != null ? Optional.of(new Secret(Optional.of(tokenFile), Optional.empty()))
                : env.containsKey(TOKEN_ENV) ? Optional.of(new Secret(Optional.empty(), Optional.of(TOKEN_ENV)))
                : Optional.empty();
        try {
            return source.map(s -> OperatorToken.of(s.read("--operator-token-file", env)));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(String.join("; ", e.problems()), e);
        }
    }
}
