package com.tagline.simulator.platform.tagbase;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@link TagbaseEvent}s to the webhook (platform-api §1.3): one POST per event with the
 * Standard Webhooks headers {@code webhook-id} (the event id), {@code webhook-timestamp} (Unix
 * seconds of the attempt, from the injected clock) and {@code webhook-signature}, retried after any
 * non-2xx answer or I/O failure with exponential backoff from {@link #FIRST_RETRY} up to
 * {@link #MAX_RETRY} between attempts, until a 2xx or {@link #close()}.
 *
 * <p>Threading: {@link #accept} only schedules and never blocks, so API answers never wait for
 * delivery; attempts run on one daemon thread. Events still pending at close are dropped (counted).
 */
final class WebhookDispatcher implements java.util.function.Consumer<TagbaseEvent>, AutoCloseable {
    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration MAX_RETRY = Duration.ofSeconds(10);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final TagbaseWebhook webhook;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ATTEMPT_TIMEOUT).build();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tagbase-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();

    WebhookDispatcher(TagbaseWebhook webhook, Clock clock) {
        this.webhook = webhook;
        this.clock = clock;
    }

    @Override
    public void accept(TagbaseEvent event) {
        pending.incrementAndGet();
        String body = payload(event).toString();
        try {
            thread.execute(() -> attempt(event.id(), body, 0));
        } catch (RejectedExecutionException e) {
            // closed: nothing is delivered any more
        }
    }

    /** Counts for the emulator state: delivered, pending, attempts. */
    Map<String, Long> counts() {
        return Map.of("delivered", delivered.get(), "pending", pending.get(), "attempts", attempts.get());
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private void attempt(String id, String body, int retries) {
        attempts.incrementAndGet();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(webhook.url()).timeout(ATTEMPT_TIMEOUT)
                .header("content-type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", webhook.sign(id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        String failure;
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                pending.decrementAndGet();
                delivered.incrementAndGet();
                log.debug("webhook {} delivered ({})", id, status);
                return;
            }
            failure = "HTTP " + status;
        } catch (java.io.IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long delay = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(retries, 20));
        log.debug("webhook {} attempt {} failed ({}), retrying in {} ms", id, retries + 1, failure, delay);
        try {
            thread.schedule(() -> attempt(id, body, retries + 1), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: the event stays counted as pending
        }
    }

    /** {@code {"data":<tag resource>,"meta":{"event":{"id","type","created_at"[,"reason"]}}}}. */
    static ObjectNode payload(TagbaseEvent event) {
        ObjectNode doc = JsonApi.JSON.createObjectNode();
        doc.set("data", JsonApi.tagResource(event.tag()));
        ObjectNode e = doc.putObject("meta").putObject("event");
        e.put("id", event.id()).put("type", event.type()).put("created_at", IdSource.timestamp(event.createdAt()));
        if (event.reason() != null) {
            e.put("reason", event.reason());
        }
        return doc;
    }
}
