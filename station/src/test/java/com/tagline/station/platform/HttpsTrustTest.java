package com.tagline.station.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS to a platform behind a private CA: a loopback HTTPS server with a self-signed certificate made by
 * the JDK's keytool. With {@code ca_file} naming that certificate the call goes through; without it the
 * JVM's CAs refuse it; a certificate for another name is refused although trusted (host name
 * verification, RFC 9110 §4.3.4, stays on).
 */
class HttpsTrustTest {
    private static final String PASS = "changeit";

    @TempDir
    Path dir;

    private Vertx vertx;

    @BeforeEach
    void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPrivateCaFileIsTrustedAndTheHostNameStillChecked() throws Exception {
        Path localhost = certificate("localhost", "SAN=dns:localhost,ip:127.0.0.1");
        int port = serve(localhost);
        URI url = URI.create("https://localhost:" + port);
        try (HttpTransport t = new HttpTransport(endpoint(url, Optional.of(pem(localhost))))) {
            assertEquals(404, t.call("GET tag", HttpMethod.GET, "/api/v1/tags/x", null, Map.of()).status());
        }
        try (HttpTransport t = new HttpTransport(endpoint(url, Optional.empty()))) {
            PlatformUnreachableException e = assertThrows(PlatformUnreachableException.class,
                    () -> t.call("GET tag", HttpMethod.GET, "/api/v1/tags/x", null, Map.of()));
            assertTrue(chain(e).contains("PKIX") || chain(e).contains("certification path"), chain(e));
        }
        Path other = certificate("other.example", "SAN=dns:other.example");
        int otherPort = serve(other);
        try (HttpTransport t = new HttpTransport(endpoint(URI.create("https://localhost:" + otherPort),
                Optional.of(pem(other))))) {
            PlatformUnreachableException e = assertThrows(PlatformUnreachableException.class,
                    () -> t.call("GET tag", HttpMethod.GET, "/api/v1/tags/x", null, Map.of()));
            assertTrue(chain(e).contains("localhost"), "the name check failed: " + chain(e));
        }
    }

    @Test
    void plainHttpToANetworkHostNeedsTheExplicitAllowance() {
        URI lan = URI.create("http://192.0.2.10:8080");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HttpEndpoint(lan, "t", Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("sends the API token in clear"), e.getMessage());
        new HttpEndpoint(lan, Credential.fixed("t"), Duration.ofSeconds(1), Duration.ofSeconds(1),
                new TransportSecurity(true, Optional.empty()));
        new HttpEndpoint(URI.create("http://127.0.0.1:1"), "t", Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void anAllowedPlainHttpPlatformIsWarnedAboutAtEveryStart() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(HttpTransport.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            HttpEndpoint lan = new HttpEndpoint(URI.create("http://192.0.2.10:8080"), Credential.fixed("sk_secret_token"),
                    Duration.ofSeconds(1), Duration.ofSeconds(1), new TransportSecurity(true, Optional.empty()));
            for (int start = 1; start <= 2; start++) {
                new HttpTransport(lan).close();
                assertEquals(start, events.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
                        && e.getFormattedMessage().startsWith("event=insecure_http url=http://192.0.2.10:8080")).count());
            }
            assertTrue(events.list.stream().noneMatch(e -> e.getFormattedMessage().contains("sk_secret_token")));
            new HttpTransport(new HttpEndpoint(URI.create("http://127.0.0.1:8080"), "t", Duration.ofSeconds(1),
                    Duration.ofSeconds(1))).close();
            assertEquals(2, events.list.size(), "loopback http is not warned about");
        } finally {
            logger.detachAppender(events);
        }
    }

    private static HttpEndpoint endpoint(URI url, Optional<Path> ca) {
        return new HttpEndpoint(url, Credential.fixed("sk_tls_test"), Duration.ofSeconds(3), Duration.ofSeconds(5),
                new TransportSecurity(false, ca));
    }

    private int serve(Path keystore) throws Exception {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setHost("127.0.0.1")
                .setKeyCertOptions(new PfxOptions().setPath(keystore.toString()).setPassword(PASS)))
                .requestHandler(r -> r.response().setStatusCode(404).end("{\"errors\":[]}"));
        return server.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    /** A PKCS#12 key store with a self-signed EC certificate for {@code cn}. */
    private Path certificate(String cn, String san) throws Exception {
        Path p12 = dir.resolve(cn + ".p12");
        keytool("-genkeypair", "-alias", "platform", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn,
                "-ext", san, "-validity", "2", "-keystore", p12.toString(), "-storetype", "PKCS12",
                "-storepass", PASS, "-keypass", PASS);
        return p12;
    }

    private Path pem(Path p12) throws Exception {
        Path pem = Path.of(p12.toString().replace(".p12", ".pem"));
        keytool("-exportcert", "-rfc", "-alias", "platform", "-keystore", p12.toString(), "-storepass", PASS,
                "-file", pem.toString());
        return pem;
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool " + args[0] + ": " + out);
    }

    private static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
