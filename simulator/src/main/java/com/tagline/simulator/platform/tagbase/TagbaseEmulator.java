package com.tagline.simulator.platform.tagbase;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.platform.EmulatorFaults;
import com.tagline.simulator.platform.EmulatorHttpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tagbase platform emulator (platform-api §1): the public Tags API, the station endpoints,
 * webhooks and the emulator controls, in memory, over HTTP on 127.0.0.1. Embed it with
 * {@link #start(TagbaseEmulatorConfig)} and {@link #close()}; the Java methods here mirror the
 * controls for in-process tests (state, seeding, key revocation).
 *
 * <p>Thread-safe. {@code start} and {@code close} block and must not run on a Vert.x thread.
 * API keys and master keys are never logged.
 */
public final class TagbaseEmulator implements AutoCloseable {
    private final TagbaseLedger ledger;
    private final WebhookDispatcher webhooks;
    private final EmulatorHttpServer server;

    private TagbaseEmulator(TagbaseLedger ledger, WebhookDispatcher webhooks, EmulatorHttpServer server) {
        this.ledger = ledger;
        this.webhooks = webhooks;
        this.server = server;
    }

    /**
     * Starts an emulator listening on 127.0.0.1.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static TagbaseEmulator start(TagbaseEmulatorConfig config) {
        WebhookDispatcher webhooks = config.webhook() == null ? null
                : new WebhookDispatcher(config.webhook(), config.clock());
        TagbaseLedger ledger = new TagbaseLedger(config.clock(), config.leaseLife(), config.seed(), config.masterKeys(),
                webhooks == null ? event -> { } : webhooks);
        config.accountsByKey().forEach(ledger::addApiKey);
        EmulatorFaults faults = new EmulatorFaults(config.seed());
        EmulatorHttpServer server = new EmulatorHttpServer("tagbase", faults,
                (status, title, detail) -> JsonApi.error(status, title, detail, null),
                () -> state(ledger, webhooks).toJson(), config.clock());
        TagbaseRoutes.register(server, ledger);
        TagbaseEmulator emulator = new TagbaseEmulator(ledger, webhooks, server);
        try {
            server.start(config.port());
        } catch (RuntimeException e) {
            if (webhooks != null) {
                webhooks.close();
            }
            throw e;
        }
        return emulator;
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT}; the API is under {@code /api/v1}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public EmulatorFaults faults() {
        return server.faults();
    }

    /** What {@code GET /_emulator/state} shows, apart from the faults. */
    public TagbaseState state() {
        return state(ledger, webhooks);
    }

    private static TagbaseState state(TagbaseLedger ledger, WebhookDispatcher webhooks) {
        return ledger.state(webhooks == null ? Map.of("delivered", 0L, "pending", 0L, "attempts", 0L)
                : webhooks.counts());
    }

    /**
     * Creates {@code n} pending tags in the account of {@code apiKey}, as {@code POST /api/v1/tags}
     * would (each fires {@code tag.created}), with URLs {@code urlBase/seed-N} not yet used in the account.
     *
     * @return the new tag ids, oldest first
     * @throws IllegalArgumentException for an unknown or revoked key or {@code n} below 1
     */
    public List<String> seedTags(String apiKey, int n, ChipProtocol protocol, String urlBase) {
        if (n < 1) {
            throw new IllegalArgumentException("seed at least one tag, got " + n);
        }
        String account = ledger.authenticate(apiKey)
                .orElseThrow(() -> new IllegalArgumentException("unknown or revoked API key"));
        String base = urlBase.endsWith("/") ? urlBase.substring(0, urlBase.length() - 1) : urlBase;
        List<String> ids = new ArrayList<>();
        for (int i = 0, suffix = 1; i < n; suffix++) {
            String url = base + "/seed-" + suffix;
            try {
                ids.add(ledger.createTags(account, List.of(new TagbaseLedger.NewTag(0, protocol, url))).get(0).id());
                i++;
            } catch (JsonApiException e) {
                // URL already used in the account: try the next suffix
            }
        }
        return ids;
    }

    /** Any account's tag by id. */
    public Optional<TagView> tag(String tagId) {
        return ledger.tag(tagId);
    }

    /**
     * Every answer the emulator gave to an outcome report entry for the tag, in order, whatever became of the
     * HTTP answer (a dropped answer's entries are here too): the ledger a fault test checks exactly-once on.
     */
    public List<ReportResult.Kind> reportAnswers(String tagId) {
        return ledger.answers(tagId);
    }

    /** A tag's status, empty for no such tag. */
    public Optional<TagStatus> tagStatus(String tagId) {
        return tag(tagId).map(TagView::status);
    }

    /** Adds a key to an account (a new account when the name is new); un-revokes a revoked key. */
    public void addApiKey(String apiKey, String account) {
        ledger.addApiKey(apiKey, account);
    }

    /** From now on the key gets {@code 401}. */
    public void revokeApiKey(String apiKey) {
        ledger.revokeApiKey(apiKey);
    }

    /** Stops serving and stops webhook delivery; idempotent. */
    @Override
    public void close() {
        server.close();
        if (webhooks != null) {
            webhooks.close();
        }
    }
}
