package com.tagline.station.console;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the console serves: where it listens (loopback unless configured otherwise), the operator's
 * token for the controls (none: controls refused), and the line's target rate for the page.
 */
public record ConsoleSettings(String host, int port, Optional<OperatorToken> operatorToken, OptionalLong targetPerHour) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8088;

    public ConsoleSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(operatorToken, "operatorToken");
        Objects.requireNonNull(targetPerHour, "targetPerHour");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("console port must be 0..65535, was " + port);
        }
    }

    /**
     * Parses {@code [HOST:]PORT} (a bare port listens on {@value #DEFAULT_HOST}); an IPv6 host is written
     * in brackets, {@code [::1]:8088}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ConsoleSettings listen(String hostPort) {
        String s = hostPort.strip();
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? DEFAULT_HOST : s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = colon < 0 ? s : s.substring(colon + 1);
        if (host.isEmpty() || !port.matches("\\d{1,5}") || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException("listen address must be [HOST:]PORT with a port 0..65535, was '"
                    + hostPort + "'");
        }
        return new ConsoleSettings(host, Integer.parseInt(port), Optional.empty(), OptionalLong.empty());
    }

    public ConsoleSettings withOperatorToken(Optional<OperatorToken> token) {
        return new ConsoleSettings(host, port, token, targetPerHour);
    }

    public ConsoleSettings withTargetPerHour(OptionalLong target) {
        return new ConsoleSettings(host, port, operatorToken, target);
    }
}
