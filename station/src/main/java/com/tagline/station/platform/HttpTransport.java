package com.tagline.station.platform;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocking HTTP calls over the Vert.x 5 core HttpClient (architecture §3: Vert.x runs the HTTP client;
 * callers are the sync or simulation thread, never an event loop).
 *
 * <p>Timeouts are explicit (libraries.md §5: Vert.x defaults are a 60 s connect and no idle timeout):
 * connect, a per-request timeout, and an overall budget on the whole call. The connection pool is
 * small and its wait queue bounded.
 *
 * <p>Failures: no answer at all (refused, reset, closed, timed out) is a
 * {@link PlatformUnreachableException}; any HTTP status is returned as a {@link Response}.
 */
public final class HttpTransport implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HttpTransport.class);
    private static final int POOL_SIZE = 4;
    private static final int WAIT_QUEUE = 64;
    /**
     * The largest answer read: a lease of 500 tags with long URLs is about 1 MiB (platform-api §1.2). A larger
     * one (a proxy's page, a broken platform streaming without end) is refused as it arrives, not held whole.
     */
    public static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final Vertx vertx;
    private final io.vertx.core.Context context;
    private final HttpClientAgent client;
    private final HttpEndpoint endpoint;
    private final TokenHeader tokenHeader;

    /**
     * An answer: status, the {@code Retry-After} header (or null), the body, and the {@code Date} header
     * (or null; RFC 9110 §6.6.1, the platform's clock, which {@code station doctor} compares with ours).
     */
    public record Response(int status, String retryAfter, byte[] body, String date) {
        public Response(int status, String retryAfter, byte[] body) {
            this(status, retryAfter, body, null);
        }

        /** The longest {@code Retry-After} the station honours; a longer one is waited out this long, then retried. */
        public static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

        /**
         * The {@code Retry-After} header as a delay, when it is delta-seconds (RFC 9110 §10.2.3); empty when
         * the header is absent, negative or not a number (an HTTP-date is not expected from our platforms).
         * At most {@link #LONGEST_RETRY_AFTER}: a maintenance window's long wait is honoured for an hour and then
         * looked at again, and a number too big for a clock (RFC 9110 puts no bound on it) cannot stop the sync.
         */
        public Optional<Duration> retryAfterDelay() {
            if (retryAfter == null || !retryAfter.strip().matches("[0-9]+")) {
                return Optional.empty();
            }
            String digits = retryAfter.strip();
            long capSeconds = LONGEST_RETRY_AFTER.toSeconds();
            boolean longer = digits.length() > 18 || Long.parseLong(digits) > capSeconds;
            return Optional.of(longer ? LONGEST_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(digits)));
        }
    }

    /** Sends the token as {@code Authorization: Bearer <token>}. */
    public HttpTransport(HttpEndpoint endpoint) {
        this(endpoint, TokenHeader.BEARER);
    }

    /** Sends the token in {@code tokenHeader} (e.g. ixkio's {@code X-API-Key}). */
    public HttpTransport(HttpEndpoint endpoint, TokenHeader tokenHeader) {
        this.endpoint = endpoint;
        this.tokenHeader = java.util.Objects.requireNonNull(tokenHeader, "tokenHeader");
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(endpoint.connectTimeout().toMillis()))
                .setIdleTimeout(Math.toIntExact(endpoint.requestTimeout().toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeepAlive(true)
                .setVerifyHost(true);
        if ("https".equals(endpoint.baseUrl().getScheme())) {
            // Host name verification stays on (setVerifyHost above); a CA file replaces the JVM's CAs.
            options.setSsl(true);
            endpoint.security().caFile().ifPresent(ca -> options.setTrustOptions(
                    new io.vertx.core.net.PemTrustOptions().addCertPath(ca.toString())));
        } else if (TransportSecurity.insecure(endpoint.baseUrl())) {
            // Allowed by platform.allow_insecure_http (HttpEndpoint refuses it otherwise): warn at every start.
            log.warn("event=insecure_http url={} why=\"plain http to a non-loopback host: the API token travels"
                    + " in clear (platform.allow_insecure_http: true)\"", endpoint.baseUrl());
        }
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(POOL_SIZE)
                .setMaxWaitQueueSize(WAIT_QUEUE));
    }

    public HttpEndpoint endpoint() {
        return endpoint;
    }

    /** What stands in an answer where our token was (architecture §6: no token in logs, alarms or the store). */
    static final String TOKEN_WITHHELD = "[token withheld]";
    /** Shorter tokens are not searched for: such a string could be any word of an answer. */
    private static final int SHORTEST_TOKEN_SEARCHED = 8;

    /**
     * The answer with every copy of our token replaced by {@link #TOKEN_WITHHELD}: a platform that echoes the key it
     * refused (in an error's detail, an ixkio message) would otherwise carry it into alarms, logs and stored reasons.
     */
    private Response withheld(Response r) {
        String token = endpoint.token();
        if (token == null || token.length() < SHORTEST_TOKEN_SEARCHED || r.body().length < token.length()) {
            return r;
        }
        String body = new String(r.body(), StandardCharsets.ISO_8859_1); // byte for byte: the token is ASCII
        if (!body.contains(token)) {
            return r;
        }
        byte[] cleaned = body.replace(token, TOKEN_WITHHELD).getBytes(StandardCharsets.ISO_8859_1);
        return new Response(r.status(), r.retryAfter(), cleaned, r.date());
    }

    /**
     * Sends one request and waits for the whole answer.
     *
     * @param what    names the call in errors, e.g. {@code "POST /api/v1/tag_configurations"}
     * @param body    request body, or null for none
     * @param headers extra headers (the token header is added here)
     */
    public Response call(String what, HttpMethod method, String path, byte[] body, Map<String, String> headers) {
        long budget = endpoint.requestTimeout().toMillis();
        RequestOptions ro = new RequestOptions().setMethod(method).setAbsoluteURI(endpoint.resolve(path))
                .setTimeout(budget);
        // The whole chain runs on the client's event loop: built on the caller's thread, a callback of an
        // already-completed future would run there instead and could attach the body handler after the
        // answer's body was delivered (an empty body).
        Promise<Response> promise = Promise.promise();
        context.runOnContext(v -> client.request(ro).compose(req -> exchange(req, body, headers))
                .timeout(budget, TimeUnit.MILLISECONDS)
                .onComplete(promise));
        Future<Response> answer = promise.future();
        try {
            return withheld(answer.toCompletionStage().toCompletableFuture().get(budget + 1_000, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof AnswerTooLarge) {
                throw new PlatformProtocolException(what + ": the answer from " + endpoint.baseUrl()
                        + " is larger than " + MAX_ANSWER_BYTES + " bytes; refused unread", cause);
            }
            throw new PlatformUnreachableException(what + ": no answer from " + endpoint.baseUrl() + " ("
                    + describe(cause) + ")", cause);
        } catch (TimeoutException e) {
            throw new PlatformUnreachableException(what + ": no answer within " + Duration.ofMillis(budget), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformUnreachableException(what + ": interrupted while waiting for the answer", e);
        }
    }

    /**
     * Sends the request with the answer's body reader attached BEFORE anything is written, so a small
     * answer that arrives and ends at once cannot slip past a reader attached late (an empty body;
     * Vert.x issues #5904 and #6038). Runs on the client's event loop (see {@link #call}).
     */
    private Future<Response> exchange(HttpClientRequest req, byte[] body, Map<String, String> headers) {
        req.putHeader(tokenHeader.name(), tokenHeader.value(endpoint.token()));
        headers.forEach(req::putHeader);
        Future<Response> answer = req.response().compose(HttpTransport::bounded);
        Future<Void> sent = body == null ? req.end() : req.end(Buffer.buffer(body));
        return sent.compose(v -> answer);
    }

    /** Reads the answer's body, refusing it as soon as it announces or reaches more than {@link #MAX_ANSWER_BYTES}. */
    private static Future<Response> bounded(HttpClientResponse resp) {
        String length = resp.getHeader("Content-Length");
        if (length != null && length.strip().matches("[0-9]{1,18}")
                && Long.parseLong(length.strip()) > MAX_ANSWER_BYTES) {
            hangUp(resp);
            return Future.failedFuture(new AnswerTooLarge());
        }
        Promise<Response> whole = Promise.promise();
        Buffer body = Buffer.buffer();
        resp.exceptionHandler(whole::tryFail);
        resp.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_ANSWER_BYTES) {
                if (whole.tryFail(new AnswerTooLarge())) {
                    hangUp(resp);
                }
            } else {
                body.appendBuffer(chunk);
            }
        });
        resp.endHandler(v -> whole.tryComplete(new Response(resp.statusCode(), resp.getHeader("Retry-After"),
                body.getBytes(), resp.getHeader("Date"))));
        return whole.future();
    }

    /** Resets the exchange, closing the connection: the rest of a refused answer is never read. */
    private static void hangUp(HttpClientResponse resp) {
        resp.exceptionHandler(e -> { }); // the reset's own StreamResetException: the answer is already refused
        resp.request().reset();
    }

    /** An answer beyond {@link #MAX_ANSWER_BYTES}; {@link #call} makes it a {@link PlatformProtocolException}. */
    private static final class AnswerTooLarge extends RuntimeException {
        AnswerTooLarge() {
            super("answer larger than " + MAX_ANSWER_BYTES + " bytes", null, false, false);
        }
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                .join();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }
}
