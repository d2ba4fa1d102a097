package com.tagline.station.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A platform answer larger than {@link HttpTransport#MAX_ANSWER_BYTES} is refused while it streams in, never
 * held in memory whole: a proxy's error page or a broken platform may send many megabytes, or never stop.
 */
class HttpTransportAnswerSizeTest {
    private HttpServer server;
    private HttpTransport transport;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length announced
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < 1024L * 1024 * 1024; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the station hung up, as it should
            }
        });
        server.createContext("/announced", exchange -> {
            // a Content-Length beyond the limit, then nothing: refused on the header, not after a timeout
            exchange.sendResponseHeaders(200, HttpTransport.MAX_ANSWER_BYTES + 1L);
            exchange.close();
        });
        server.createContext("/small", exchange -> {
            byte[] body = "{\"data\":[]}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        transport = new HttpTransport(HttpEndpoint.of("http://127.0.0.1:" + server.getAddress().getPort(), "k"));
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop(0);
    }

    @Test
    void anEndlessAnswerIsRefusedAtTheLimit() {
        PlatformProtocolException e = assertThrows(PlatformProtocolException.class,
                () -> transport.call("GET /endless", HttpMethod.GET, "/endless", null, Map.of()));
        assertTrue(e.getMessage().contains("GET /endless") && e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void anAnnouncedLengthBeyondTheLimitIsRefused() {
        PlatformProtocolException e = assertThrows(PlatformProtocolException.class,
                () -> transport.call("GET /announced", HttpMethod.GET, "/announced", null, Map.of()));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    void aSmallAnswerStillArrivesWhole() {
        HttpTransport.Response r = transport.call("GET /small", HttpMethod.GET, "/small", null, Map.of());
        assertEquals(200, r.status());
        assertArrayEquals("{\"data\":[]}".getBytes(), r.body());
    }
}
