package com.tagline.station.doctor;

import com.tagline.station.config.ConfigException;
import com.tagline.station.config.StationConfig;
import com.tagline.station.platform.Credential;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.HttpTransport;
import com.tagline.station.platform.PlatformClock;
import com.tagline.station.platform.PlatformUnreachableException;
import com.tagline.station.platform.TransportSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The platform: reachable, its TLS certificate valid for its name (the transport verifies host names
 * always), and the token accepted, by one call that changes nothing ({@link PlatformProbe}: a read-only
 * GET on tagbase, a PATCH without fields of an unknown tag code on ixkio). Then the clock
 * ({@link ClockCheck}) from the answer's {@code Date} header.
 */
final class PlatformChecks implements CheckGroup {
    /**
     * Sent when the token cannot be read (see the token line), so that reachability, TLS and the clock are
     * still checked: the platform refuses it like any wrong token.
     */
    static final String NO_TOKEN = "no-token";
    private static final Duration CONNECT = Duration.ofSeconds(3);
    private static final Duration REQUEST = Duration.ofSeconds(4);

    private final StationConfig.Platform platform;
    private final Map<String, String> env;
    private final ClockCheck clock;

    PlatformChecks(StationConfig.Platform platform, Map<String, String> env, ClockCheck clock) {
        this.platform = platform;
        this.env = env;
        this.clock = clock;
    }

    @Override
    public List<String> names() {
        return List.of("platform", "clock");
    }

    @Override
    public void run(Consumer<Finding> out) {
        Optional<String> token;
        try {
            token = Optional.of(platform.apiKey().read("platform.api_key", env));
        } catch (ConfigException e) {
            token = Optional.empty(); // still worth knowing whether the platform is there and its TLS is right
        }
        HttpEndpoint endpoint = new HttpEndpoint(platform.baseUrl(), Credential.fixed(token.orElse(NO_TOKEN)),
                CONNECT, REQUEST, platform.security());
        PlatformProbe probe = PlatformProbe.of(platform);
        Optional<Duration> skew = Optional.empty();
        try (HttpTransport transport = new HttpTransport(endpoint, probe.tokenHeader())) {
            Instant sent = Instant.now();
            HttpTransport.Response r = probe.send(transport);
            Instant received = Instant.now();
            Instant midway = sent.plus(Duration.between(sent, received).dividedBy(2));
            skew = PlatformClock.dateOf(r.date()).map(t -> Duration.between(t, midway));
            out.accept(token.isPresent() ? answer(probe, r) : Finding.fail("platform", where()
                    + " answered (" + r.status() + "), but there is no API token to try: see the token line"));
        } catch (PlatformUnreachableException e) {
            out.accept(unreachable(e));
        }
        out.accept(clock.check(skew));
    }

    private Finding answer(PlatformProbe probe, HttpTransport.Response r) {
        String where = where();
        if (r.status() == 401 || r.status() == 403) {
            return Finding.fail("platform", where + " rejected the token (" + PlatformProbe.said(r) + "); check "
                    + platform.apiKey() + " holds this station's key");
        }
        if (probe.accepted().contains(r.status())) {
            String channel = "https".equals(platform.baseUrl().getScheme())
                    ? "TLS certificate valid for " + platform.baseUrl().getHost()
                    : TransportSecurity.insecure(platform.baseUrl()) ? "PLAIN HTTP" : "plain http on loopback";
            String verdict = where + " reachable, " + channel + ", token accepted: " + probe.acceptance(r);
            return TransportSecurity.insecure(platform.baseUrl())
                    ? Finding.warn("platform", verdict + "; the token travels in clear: use https")
                    : Finding.pass("platform", verdict);
        }
        return Finding.warn("platform", where + " answered " + PlatformProbe.said(r) + " to a " + probe.what()
                + "; the platform may be unhealthy or api_base (" + platform.apiBase() + ") wrong");
    }

    private Finding unreachable(PlatformUnreachableException e) {
        String chain = causes(e);
        String where = where();
        if (chain.contains("NotSslRecordException")) {
            // Netty's error carries the answer's bytes in hex ("HTTP/1.1 400 ..."): the words are what helps
            return Finding.fail("platform", "the server at " + platform.baseUrl() + " speaks plain HTTP, not TLS:"
                    + " give its https port, or an http:// base_url (refused but to loopback unless"
                    + " platform.allow_insecure_http)");
        }
        if (chain.contains("PKIX") || chain.contains("certificate") || chain.contains("SSLHandshake")
                || chain.contains("subject alternative") || chain.contains("No name matching")) {
            return Finding.fail("platform", where + ": TLS failed (" + lastCause(e) + "); behind a private CA set"
                    + " platform.ca_file to its PEM bundle; the name in base_url must be in the certificate");
        }
        if (chain.contains("Connection refused")) {
            return Finding.fail("platform", where + " refused the connection: is the platform up, host and port right?");
        }
        if (chain.contains("UnknownHost") || chain.contains("Failed to resolve")) {
            return Finding.fail("platform", where + ": the name does not resolve; check DNS and base_url");
        }
        return Finding.fail("platform", where + " did not answer (" + lastCause(e) + "); check the network,"
                + " a firewall or a proxy");
    }

    /** {@code tagbase at https://...}: which platform the line is about. */
    private String where() {
        return platform.kind().code() + " at " + platform.baseUrl();
    }

    private static String causes(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }

    private static String lastCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }
}
