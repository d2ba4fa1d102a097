package com.tagline.station.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code console} section (issue 14): the operator console's web server. It listens on loopback
 * ({@code 127.0.0.1:8088}) unless {@code listen} names another address; its controls need an operator
 * token from an owner-only file or an environment variable (the rules of {@link Secret}), and without
 * one they are refused. {@code target_per_hour} is the line's target rate shown beside the measured one.
 *
 * <pre>
 * console:
 *   enabled: true                      # default
 *   listen: 127.0.0.1:8088             # [HOST:]PORT; another address only when written here
 *   operator_token_file: /etc/tagline/operator.token   # chmod 600; or operator_token_env: NAME
 *   target_per_hour: 1200
 * </pre>
 */
final class ConsoleSection {
    private ConsoleSection() {
    }

    static StationConfig.Console read(ConfigNode n, Path base) {
        n.allowOnly(Set.of("enabled", "listen", "operator_token_file", "operator_token_env", "target_per_hour"));
        boolean enabled = n.bool("enabled", true);
        String listen = n.text("listen").orElse("127.0.0.1:8088");
        String host = "127.0.0.1";
        int port = 8088;
        int colon = listen.lastIndexOf(':');
        String portText = colon < 0 ? listen : listen.substring(colon + 1);
        if (colon > 0) {
            host = listen.substring(0, colon).replace("[", "").replace("]", "");
        }
        if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) > 65_535 || host.isBlank()) {
            n.problem("listen", "must be [HOST:]PORT with a port 0..65535, was '" + listen + "'");
        } else {
            port = Integer.parseInt(portText);
        }
        Optional<String> file = n.text("operator_token_file");
        Optional<String> env = n.text("operator_token_env");
        if (file.isPresent() && env.isPresent()) {
            n.problem("operator_token_file", "give at most one of console.operator_token_file and console.operator_token_env");
        }
        Optional<Secret> token = file.isPresent() || env.isPresent()
                ? Optional.of(new Secret(file.map(base::resolve), file.isPresent() ? Optional.empty() : env))
                : Optional.empty();
        OptionalLong target = n.has("target_per_hour")
                ? OptionalLong.of(n.integer("target_per_hour", 0, 1, 1_000_000)) : OptionalLong.empty();
        return new StationConfig.Console(enabled, host, port, token, target);
    }
}
