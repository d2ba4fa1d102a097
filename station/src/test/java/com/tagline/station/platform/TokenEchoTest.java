package com.tagline.station.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.platform.EmulatorFaults;
import com.tagline.simulator.platform.EmulatorHttpServer;
import com.tagline.simulator.platform.EmulatorResponse;
import com.tagline.station.platform.ixkio.IxkioClient;
import com.tagline.station.platform.ixkio.UpdateResult;
import com.tagline.station.platform.tagbase.TagbaseClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A platform that echoes the key it refused (in a tagbase error's detail, in an ixkio message) never gets our token
 * into an exception, and so into an alarm, a log line or a stored reason (architecture §6): the answer reaches the
 * clients with the token withheld. Before, the detail went through as the platform wrote it.
 */
class TokenEchoTest {
    private static final String TOKEN = "stn_7f3a9c0e5b2d4e1f8a6c";

    private EmulatorHttpServer server;

    @BeforeEach
    void start() {
        server = new EmulatorHttpServer("echoing", new EmulatorFaults(1),
                (status, title, detail) -> EmulatorResponse.of(status, "text/plain", title),
                () -> new ObjectMapper().createObjectNode());
        server.route("POST", "/api/v1/encoding_leases", r -> EmulatorResponse.of(401, "application/vnd.api+json",
                "{\"errors\":[{\"status\":\"401\",\"detail\":\"API key " + TOKEN + " is revoked\"}]}"));
        server.route("PATCH", "/v1/x/X1", r -> EmulatorResponse.of(200, "application/json",
                "{\"message\":\"Invalid API Key " + TOKEN + "\"}"));
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aTagbaseErrorDetailNeverCarriesTheToken() {
        try (TagbaseClient client = TagbaseClient.open(HttpEndpoint.of(server.baseUrl(), TOKEN))) {
            PlatformStatusException e = assertThrows(PlatformStatusException.class,
                    () -> client.lease("line-1", List.of(ChipProtocol.NTAG_424_DNA), 10));
            assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
            assertTrue(e.getMessage().contains("API key [token withheld] is revoked"), e.getMessage());
        }
    }

    @Test
    void anIxkioMessageNeverCarriesTheToken() {
        try (IxkioClient client = IxkioClient.open(HttpEndpoint.of(server.baseUrl(), TOKEN))) {
            UpdateResult.Rejected r = assertInstanceOf(UpdateResult.Rejected.class, client.activate("X1"));
            assertEquals("Invalid API Key [token withheld]", r.message());
        }
    }
}
