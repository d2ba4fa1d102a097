package com.tagline.station.platform;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
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
     * What is wrong with {@code caFile} as a CA bundle, empty when it holds PEM certificates: Vert.x reads it only
     * at the first https call, so a directory, a key or a DER file would start a station whose every call fails
     * as "no answer from the platform". PEM only ({@code -----BEGIN CERTIFICATE-----}, RFC 7468 §5), as
     * {@code PemTrustOptions} takes it.
     */
    public static Optional<String> caFileProblem(Path caFile) {
        if (Files.isDirectory(caFile)) {
            return Optional.of(caFile + " is a directory, not a PEM file");
        }
        if (!Files.isReadable(caFile)) {
            return Optional.of(caFile + " does not exist or is not readable");
        }
        try {
            String text = Files.readString(caFile, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (!text.contains("-----BEGIN CERTIFICATE-----")) {
                return Optional.of(caFile + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }
            try (var in = Files.newInputStream(caFile)) {
                java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            return Optional.empty();
        } catch (java.security.cert.CertificateException e) {
            return Optional.of(caFile + " holds no PEM certificate that can be read (" + e.getMessage() + ")");
        } catch (java.io.IOException e) {
            return Optional.of("cannot read " + caFile + ": " + com.tagline.hardware.IoReason.of(e));
        }
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
