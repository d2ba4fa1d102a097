package com.tagline.station.console;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the console serves: where it listens (loopback unless configured otherwise), the operator's
 * token for the controls (none: controls refused), the line's target rate for the page, and where an
 * operator token would come from, in the words of the command that started the station (a refusal
 * without one names it).
 */
public record ConsoleSettings(String host, int port, Optional<OperatorToken> operatorToken, OptionalLong targetPerHour,
                              String tokenSource) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8088;
    /** Where {@code station run} takes the operator token from: its configuration. */
    public static final String CONFIGURED_TOKEN = "console.operator_token_file or console.operator_token_env";

    public ConsoleSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(operatorToken, "operatorToken");
        Objects.requireNonNull(targetPerHour, "targetPerHour");
        Objects.requireNonNull(tokenSource, "tokenSource");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("console port must be 0..65535, was " + port);
        }
    }

    /** A station run from its configuration ({@link #CONFIGURED_TOKEN}). */
    public ConsoleSettings(String host, int port, Optional<OperatorToken> operatorToken, OptionalLong targetPerHour) {
        this(host, port, operatorToken, targetPerHour, CONFIGURED_TOKEN);
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
        return new ConsoleSettings(host, port, token, targetPerHour, tokenSource);
    }

    public ConsoleSettings withTargetPerHour(OptionalLong target) {
        return new ConsoleSettings(host, port, operatorToken, target, tokenSource);
    }

    /** Where the operator token comes from, as the refusal names it, e.g. {@code --operator-token-file}. */
    public ConsoleSettings withTokenSource(String source) {
        return new ConsoleSettings(host, port, operatorToken, targetPerHour, source);
    }
}
