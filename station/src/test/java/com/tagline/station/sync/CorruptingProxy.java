package com.tagline.station.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A loopback HTTP proxy in front of an emulator that forwards every request unchanged and, while a
 * rewrite is set, replaces the body of the answers to {@code POST /api/v1/tag_configurations} after
 * the emulator applied them: a platform that applies a batch and then answers against the contract.
 */
final class CorruptingProxy implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("Authorization", "Content-Type", "Accept");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String target;
    private volatile UnaryOperator<String> reportAnswer;

    CorruptingProxy(String targetBaseUrl) throws IOException {
        this.target = targetBaseUrl;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, report answers are rewritten by {@code rewrite}; null forwards them unchanged. */
    void rewriteReportAnswers(UnaryOperator<String> rewrite) {
        reportAnswer = rewrite;
    }

    private void forward(HttpExchange ex) throws IOException {
        try (ex; InputStream in = ex.getRequestBody()) {
            byte[] body = in.readAllBytes();
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                    .timeout(Duration.ofSeconds(5))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : FORWARDED) {
                String v = ex.getRequestHeaders().getFirst(h);
                if (v != null) {
                    req.header(h, v);
                }
            }
            HttpResponse<String> answer = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            String out = answer.body();
            UnaryOperator<String> rewrite = reportAnswer;
            if (rewrite != null && "POST".equals(ex.getRequestMethod())
                    && ex.getRequestURI().getPath().endsWith("/tag_configurations")) {
                out = rewrite.apply(out);
            }
            answer.headers().firstValue("content-type").ifPresent(v -> ex.getResponseHeaders().add("Content-Type", v));
            answer.headers().firstValue("retry-after").ifPresent(v -> ex.getResponseHeaders().add("Retry-After", v));
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
