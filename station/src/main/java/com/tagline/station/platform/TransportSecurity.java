package com.tagline.station.platform;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a platform connection is secured. A plain {@code http://} URL sends the API token in clear, so
 * it is refused for anything but a loopback address unless {@code allowInsecureHttp} (YAML
 * {@code platform.allow_insecure_http: true}), and then every start warns. {@code caFile} is a PEM
 * bundle that replaces the JVM's trusted CAs (a platform behind a private CA). TLS host name
 * verification is always on: there is no setting to turn it off.
 */
public record TransportSecurity(boolean allowInsecureHttp, Optional<Path> caFile) {
    /** https or loopback http only, the JVM's CAs. */
    public static final TransportSecurity DEFAULT = new TransportSecurity(false, Optional.empty());

    public TransportSecurity {
        Objects.requireNonNull(caFile, "caFile");
    }

    /** Whether {@code url} is plain http to a host that is not a loopback address. */
    public static boolean insecure(URI url) {
        return "http".equalsIgnoreCase(url.getScheme()) && !isLoopback(url.getHost());
    }

    /**
     * The problem with {@code url} under this policy, empty when it may be used: plain http to a
     * non-loopback host without {@code allowInsecureHttp}.
     */
    public Optional<String> problem(URI url) {
        if (insecure(url) && !allowInsecureHttp) {
            return Optional.of("plain http to " + url.getHost() + " sends the API token in clear: use https,"
                    + " or set platform.allow_insecure_http: true on a network you trust");
        }
        return Optional.empty();
    }

    /**
     * {@code localhost} or a literal loopback address (127.0.0.0/8, ::1). Other names are not resolved:
     * what a name points to can change after this check.
     */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
