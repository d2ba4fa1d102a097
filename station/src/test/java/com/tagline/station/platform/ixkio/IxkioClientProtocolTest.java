package com.tagline.station.platform.ixkio;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.simulator.platform.EmulatorFaults;
import com.tagline.simulator.platform.EmulatorHttpServer;
import com.tagline.simulator.platform.EmulatorResponse;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.PlatformProtocolException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A {@code 200} that is neither an update nor a message breaks the contract (platform-api §2.1). */
class IxkioClientProtocolTest {
    private EmulatorHttpServer server;
    private IxkioClient client;

    @BeforeEach
    void start() {
        server = new EmulatorHttpServer("broken-ixkio", new EmulatorFaults(1),
                (status, title, detail) -> EmulatorResponse.of(status, "text/plain", title),
                () -> new ObjectMapper().createObjectNode());
        server.route("PATCH", "/v1/x/text", r -> EmulatorResponse.of(200, "text/plain", "OK"));
        server.route("PATCH", "/v1/x/empty", r -> EmulatorResponse.of(200, "application/json", "{}"));
        server.route("PATCH", "/v1/x/number", r -> EmulatorResponse.of(200, "application/json", "{\"message\":7}"));
        server.route("PATCH", "/v1/x/mine", r -> EmulatorResponse.of(200, "application/json",
                "{\"xuid\":\"someone-else\",\"updated\":[\"ix_status\",\"ix_assigned\"]}"));
        server.route("PATCH", "/v1/x/nullmsg", r -> EmulatorResponse.of(200, "application/json",
                "{\"message\":null,\"xuid\":\"nullmsg\",\"updated\":[]}"));
        server.start(0);
        client = IxkioClient.open(HttpEndpoint.of(server.baseUrl(), "k"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void malformedAnswersAreProtocolExceptions() {
        assertThrows(PlatformProtocolException.class, () -> client.activate("text"));
        assertThrows(PlatformProtocolException.class, () -> client.activate("empty"));
        assertThrows(PlatformProtocolException.class, () -> client.activate("number"));
        assertThrows(PlatformProtocolException.class, () -> client.activate("nullmsg"));
    }

    /** An update answered for another tag code says nothing of ours: never taken as applied. */
    @Test
    void anAnswerForAnotherTagCodeIsAProtocolException() {
        PlatformProtocolException e = assertThrows(PlatformProtocolException.class, () -> client.activate("mine"));
        assertTrue(e.getMessage().contains("someone-else") && e.getMessage().contains("mine"), e.getMessage());
    }
}
