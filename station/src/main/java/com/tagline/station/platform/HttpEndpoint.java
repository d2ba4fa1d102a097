package com.tagline.station.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a platform lives and how long a call may take.
 *
 * @param baseUrl        scheme, host, port and optional path prefix, e.g. {@code http://127.0.0.1:8080}
 * @param credential     the API token and its source; never logged: {@link #toString()} leaves it out (architecture §6)
 * @param connectTimeout TCP connect budget
 * @param requestTimeout whole-call budget: request, answer and body
 * @param security       plain-http policy and trusted CAs; a plain http URL to a non-loopback host is refused
 *                       here unless the policy allows it
 */
public record HttpEndpoint(URI baseUrl, Credential credential, Duration connectTimeout, Duration requestTimeout,
                           TransportSecurity security) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

    public HttpEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(security, "security");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("platform base URL must be http(s)://host[:port][/path], was " + baseUrl);
        }
        security.problem(baseUrl).ifPresent(p -> {
            throw new IllegalArgumentException("platform base URL " + baseUrl + ": " + p);
        });
    }

    /** The default {@link TransportSecurity}: https, or http to a loopback address. */
    public HttpEndpoint(URI baseUrl, Credential credential, Duration connectTimeout, Duration requestTimeout) {
        this(baseUrl, credential, connectTimeout, requestTimeout, TransportSecurity.DEFAULT);
    }

    /** A fixed token and the default {@link TransportSecurity}. */
    public HttpEndpoint(URI baseUrl, String token, Duration connectTimeout, Duration requestTimeout) {
        this(baseUrl, Credential.fixed(token), connectTimeout, requestTimeout);
    }

    /** The token to send now. */
    public String token() {
        return credential.token();
    }

    /** Default timeouts. */
    public static HttpEndpoint of(String baseUrl, String token) {
        return new HttpEndpoint(URI.create(baseUrl), token, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /** The absolute URI of {@code path} (which starts with '/') under the base URL. */
    public String resolve(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    @Override
    public String toString() {
        return "HttpEndpoint[" + baseUrl + ", token=(hidden), connect=" + connectTimeout + ", request="
                + requestTimeout + ", " + security + "]";
    }
}
