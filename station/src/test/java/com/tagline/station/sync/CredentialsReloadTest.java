package com.tagline.station.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.HttpTransport;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.OutboxState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform token reloaded after a 401 (issue 14), without a restart: the transport sends the new one
 * from the next request on, and the sink sends at once instead of waiting out its backoff.
 */
class CredentialsReloadTest {
    @TempDir
    Path dir;
    private SyncRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void aReloadedTokenIsSentAtOnceAfterA401() {
        rig = SyncRig.start(dir, 100);
        rig.seedAndLease(2);
        long row = rig.configure(rig.nextTag());
        HttpTransport transport = new HttpTransport(new HttpEndpoint(URI.create(rig.emulator.baseUrl()),
                "stn_the_old_revoked_token", Duration.ofSeconds(2), Duration.ofSeconds(5)));
        try (TagbaseClient client = new TagbaseClient(transport, "/api/v1")) {
            SyncPolicy policy = new SyncPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));
            OutboxSync sync = new OutboxSync(rig.access, client, policy,
                    new Backoff(policy.backoffInitial(), policy.backoffMax(), new Random(1)), rig.clock, rig.alarms);
            Instant next = sync.runOnce();
            assertTrue(rig.alarms.isRaised(Alarm.AUTH_REFUSED));
            assertTrue(next.isAfter(rig.clock.instant().plusSeconds(10)), "backs off after the 401: " + next);
            assertEquals(sync.runOnce(), next, "still waiting: no call before the backoff ends");

            transport.useToken(rig.apiKey());
            sync.credentialsRenewed();
            sync.runOnce();

            assertEquals(OutboxState.CONFIRMED, rig.row(row).state(), "sent at once, not after the backoff");
            assertFalse(rig.alarms.isRaised(Alarm.AUTH_REFUSED));
        }
    }
}
