package com.tagline.hardware.serial;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * A parsed link string (configuration key {@code reader.link}). Grammar:
 *
 * <pre>
 * link    = tcp | sim | device
 * tcp     = "tcp://" host ":" port            ; ser2net / socat raw TCP, e.g. tcp://10.0.0.7:3333
 * sim     = "sim:" [ name ]                    ; an in-process emulator, resolved by the caller
 * device  = path [ "?baud=" digits ]           ; a tty or pty, e.g. /dev/ttyAMA0, /dev/ttyUSB0?baud=115200
 * </pre>
 *
 * The baud rate defaults to 115200, the PN532 HSU power-on speed (pn532.md §4).
 */
public sealed interface SerialLinkSpec {
    /** PN532 HSU power-on speed. */
    int DEFAULT_BAUD = 115_200;

    /** A serial device node opened with jssc. */
    record Device(String path, int baud) implements SerialLinkSpec {
        public Device {
            Objects.requireNonNull(path, "path");
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty device path");
            }
            if (baud <= 0) {
                throw new IllegalArgumentException("baud must be positive: " + baud);
            }
        }
    }

    /** A raw TCP serial server. */
    record Tcp(String host, int port) implements SerialLinkSpec {
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (host.isEmpty() || port < 1 || port > 65_535) {
                throw new IllegalArgumentException("invalid tcp address " + host + ":" + port);
            }
        }
    }

    /** An emulator in the same process; {@code name} is empty for plain {@code sim:}. */
    record Simulated(String name) implements SerialLinkSpec {
        public Simulated {
            Objects.requireNonNull(name, "name");
        }
    }

    /** @throws IllegalArgumentException for a malformed link string, naming what is wrong */
    public static SerialLinkSpec parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.trim();
        if (s.startsWith("sim:")) {
            return new Simulated(s.substring(4));
        }
        if (s.startsWith("tcp://")) {
            return parseTcp(s);
        }
        return parseDevice(s);
    }

    private static Tcp parseTcp(String s) {
        try {
            URI uri = new URI(s);
            if (uri.getHost() == null || uri.getPort() < 0 || uri.getRawQuery() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
                throw new IllegalArgumentException("expected tcp://host:port, got '" + s + "'");
            }
            String host = uri.getHost();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new Tcp(host, uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("expected tcp://host:port, got '" + s + "'", e);
        }
    }

    private static Device parseDevice(String s) {
        int q = s.indexOf('?');
        if (q < 0) {
            return new Device(s, DEFAULT_BAUD);
        }
        String path = s.substring(0, q);
        int baud = DEFAULT_BAUD;
        for (String option : s.substring(q + 1).split("&")) {
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq);
            if (!key.equals("baud") || eq < 0) {
                throw new IllegalArgumentException("unknown link option '" + option + "' in '" + s
                        + "' (supported: baud=N)");
            }
            try {
                baud = Integer.parseInt(option.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("baud is not a number in '" + s + "'", e);
            }
        }
        return new Device(path, baud);
    }
}
