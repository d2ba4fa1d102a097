package com.tagline.station.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.hardware.retry.Backoff;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.OutboxState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A platform that applies a report batch and then answers against the contract (platform-api §1.2:
 * one result per entry, in request order): the answer is a {@code PlatformProtocolException}, so the
 * batch stays in doubt, nothing is confirmed or quarantined on its strength, and the next pass
 * reconciles it with the real answers. Loopback HTTP through {@link CorruptingProxy} to the emulator.
 */
class MalformedAnswerIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Corruption {
        NOT_JSON(s -> "<html><body>502 Bad Gateway</body></html>"),
        ONE_RESULT_MISSING(s -> edit(s, data -> data.remove(data.size() - 1))),
        OUT_OF_ORDER(s -> edit(s, data -> {
            JsonNode first = data.remove(0);
            data.add(first);
        })),
        UNKNOWN_RESULT(s -> edit(s, data -> ((ObjectNode) data.get(0).get("attributes")).put("result", "maybe")));

        final UnaryOperator<String> rewrite;

        Corruption(UnaryOperator<String> rewrite) {
            this.rewrite = rewrite;
        }
    }

    @TempDir
    Path dir;

    private SyncRig rig;
    private CorruptingProxy proxy;
    private TagbaseClient viaProxy;

    @AfterEach
    void close() {
        if (viaProxy != null) {
            viaProxy.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Corruption.class)
    void malformedReportAnswerLeavesTheBatchInDoubtAndTheNextPassReconcilesIt(Corruption corruption)
            throws IOException {
        rig = SyncRig.start(dir, 100);
        proxy = new CorruptingProxy(rig.emulator.baseUrl());
        viaProxy = TagbaseClient.open(new HttpEndpoint(URI.create(proxy.baseUrl()), rigKey(), Duration.ofSeconds(2),
                Duration.ofSeconds(5)));
        SyncPolicy policy = new SyncPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(8));
        OutboxSync sync = new OutboxSync(rig.access, new TagbaseSink(viaProxy), policy, Backoff.jittered(policy.backoffInitial(),
                policy.backoffMax(), new Random(3)), rig.clock, rig.alarms);
        rig.seedAndLease(4);
        for (int i = 0; i < 3; i++) {
            rig.configure(rig.nextTag());
        }
        rig.fail(rig.nextTag());

        proxy.rewriteReportAnswers(corruption.rewrite);
        Instant due = sync.runOnce();
        assertEquals(4, rig.outbox("sent"), "in doubt: " + rig.store.outbox().counts());
        assertEquals(1, sync.stats().ambiguousBatches());
        assertEquals(0, sync.stats().accepted() + sync.stats().conflicts() + sync.stats().rejected());
        assertEquals(4, rig.platform().reports("accepted"), "the platform applied the batch");

        proxy.rewriteReportAnswers(null);
        rig.clock.advanceTo(due);
        sync.runOnce();

        assertTrue(sync.drained());
        assertEquals(4, rig.outbox(OutboxState.CONFIRMED.code()));
        assertEquals(0, rig.outbox(OutboxState.QUARANTINED.code()));
        assertEquals(3, sync.stats().reconciled());
        assertEquals(1, sync.stats().duplicates());
        assertEquals(4, rig.platform().reports("accepted"));
        assertEquals(1, rig.platform().reports("duplicate"));
        assertEquals(3, rig.platform().tags("configured"));
        assertFalse(rig.alarms.isRaised(Alarm.OFFLINE));
    }

    private String rigKey() {
        return rig.apiKey();
    }

    private static String edit(String body, java.util.function.Consumer<ArrayNode> change) {
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(body);
            change.accept((ArrayNode) doc.get("data"));
            return JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
