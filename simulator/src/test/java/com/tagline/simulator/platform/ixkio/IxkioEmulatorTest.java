package com.tagline.simulator.platform.ixkio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.simulator.platform.EmulatorFaults;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ixkio Management API emulator over real loopback HTTP (platform-api §2.1, §1.4). */
class IxkioEmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "test-key-123";
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String SEED = """
            xuid,cuid,url,uid
            X1,Abc123,https://group.example/one,04a1b2c3d4e5f6
            X2,abc123,https://group.example/two,
            X3,,,04112233445566
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private IxkioEmulator emulator;

    @BeforeEach
    void start() {
        IxkioAccount account = new IxkioAccount("A1", TagCodeSeed.read(new StringReader(SEED)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        emulator = IxkioEmulator.start(account, KEY, new EmulatorFaults(3), 0);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> patch(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode form(String path, String body, String... headers) throws IOException, InterruptedException {
        List<String> h = new ArrayList<>(List.of("X-API-Key", KEY));
        h.addAll(List.of(headers));
        HttpResponse<String> r = patch(path, FORM, body, h.toArray(String[]::new));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private TagCode code(String xuid) {
        return emulator.account().tagCode(xuid).orElseThrow();
    }

    private static void assertRejected(String message, JsonNode answer) {
        assertEquals(message, answer.path("message").asText(), answer.toString());
        assertFalse(answer.has("updated"));
    }

    @Test
    void activationByXuidAppliesStatusAssignedAndItsDate() throws Exception {
        JsonNode a = form("/v1/x/X1", "ix_status=Active&ix_assigned=Assigned");
        assertEquals("X1", a.path("xuid").asText());
        assertEquals(List.of("ix_status", "ix_assigned"), List.of(a.path("updated").get(0).asText(),
                a.path("updated").get(1).asText()));
        TagCode c = code("X1");
        assertTrue(c.active());
        assertTrue(c.assigned());
        assertEquals(NOW, c.assignedAt());
        assertFalse(code("X2").active());
    }

    @Test
    void unassignedKeepsTheLastAssignedDateAndInactiveDeactivates() throws Exception {
        form("/v1/x/X1", "ix_status=Active&ix_assigned=Assigned");
        form("/v1/x/X1", "ix_status=Inactive&ix_assigned=Unassigned");
        assertFalse(code("X1").active());
        assertFalse(code("X1").assigned());
        assertEquals(NOW, code("X1").assignedAt());
    }

    @Test
    void invalidStatusOrAssignedIsRejectedWithMessageAndChangesNothing() throws Exception {
        assertRejected("Invalid Status", form("/v1/x/X1", "ix_status=active&ix_assigned=Assigned"));
        assertRejected("Invalid Assigned", form("/v1/x/X1", "ix_status=Active&ix_assigned=Yes"));
        assertFalse(code("X1").active());
        assertFalse(code("X1").assigned());
        assertNull(code("X1").assignedAt());
    }

    @Test
    void defaultResponseIsSetAndAnEmptyValueRevertsToTheTagGroup() throws Exception {
        JsonNode a = form("/v1/x/X1", "ix_dr=https%3A%2F%2Fown.example%2Fp%3Fq%3D1");
        assertEquals("ix_dr", a.path("updated").get(0).asText());
        assertEquals("https://own.example/p?q=1", code("X1").effectiveResponse());
        form("/v1/x/X1", "ix_dr=");
        assertNull(code("X1").ownResponse());
        assertEquals("https://group.example/one", code("X1").effectiveResponse());
    }

    @Test
    void nftDataNeedsChainContractAndTokenTogether() throws Exception {
        assertRejected("NFT data incomplete", form("/v1/x/X1", "ix_nftchain=polygon_main&ix_nftcontract=0xC"));
        assertRejected("NFT data incomplete",
                form("/v1/x/X1", "ix_nftchain=polygon_main&ix_nftcontract=0xC&ix_nfttoken="));
        assertRejected("Invalid NFT Chain", form("/v1/x/X1", "ix_nftchain=bitcoin&ix_nftcontract=0xC&ix_nfttoken=7"));
        assertNull(code("X1").nftChain());

        form("/v1/x/X1", "ix_nftchain=etherium_test&ix_nftcontract=0xC&ix_nfttoken=7");
        assertEquals(List.of("etherium_test", "0xC", "7"), List.of(code("X1").nftChain(), code("X1").nftContract(),
                code("X1").nftToken()));
        form("/v1/x/X1", "ix_nftchain=&ix_nftcontract=&ix_nfttoken=");
        assertNull(code("X1").nftChain());
        assertNull(code("X1").nftContract());
        assertNull(code("X1").nftToken());
    }

    @Test
    void everyChainNameOfTheSeedIsAccepted() throws Exception {
        for (String chain : List.of("etherium_main", "etherium_test", "polygon_main", "polygon_test")) {
            form("/v1/x/X2", "ix_nftchain=" + chain + "&ix_nftcontract=0xC&ix_nfttoken=1");
            assertEquals(chain, code("X2").nftChain());
        }
    }

    @Test
    void ownerMayComeAloneOrWithTheOtherFields() throws Exception {
        JsonNode alone = form("/v1/x/X1", "ix_nftowner=0xOwner");
        assertEquals("ix_nftowner", alone.path("updated").get(0).asText());
        assertEquals("0xOwner", code("X1").nftOwner());
        form("/v1/x/X1", "ix_status=Active&ix_nftchain=polygon_test&ix_nftcontract=0xC&ix_nfttoken=2&ix_nftowner=0xB");
        assertEquals("0xB", code("X1").nftOwner());
        assertEquals("polygon_test", code("X1").nftChain());
        form("/v1/x/X1", "ix_nftowner=");
        assertNull(code("X1").nftOwner());
    }

    @Test
    void noKnownParameterIsRejected() throws Exception {
        assertRejected("No parameters to update", form("/v1/x/X1", "colour=blue"));
        assertRejected("No parameters to update", form("/v1/x/X1", ""));
    }

    @Test
    void unknownXuidIsNotFound() throws Exception {
        assertRejected("Tag Code not found", form("/v1/x/NOPE", "ix_status=Active"));
    }

    @Test
    void byAidWithCuidIsCaseSensitive() throws Exception {
        form("/v1/a/A1", "ix_status=Active", "ix_c", "abc123");
        assertTrue(code("X2").active());
        assertFalse(code("X1").active());
        assertRejected("Tag Code not found", form("/v1/a/A1", "ix_status=Active", "ix_c", "ABC123"));
    }

    @Test
    void byAidWithUidNeedsUppercase() throws Exception {
        JsonNode a = form("/v1/a/A1", "ix_status=Active", "ix_u", "04A1B2C3D4E5F6");
        assertEquals("X1", a.path("xuid").asText());
        assertRejected("Tag Code not found", form("/v1/a/A1", "ix_status=Inactive", "ix_u", "04a1b2c3d4e5f6"));
        assertTrue(code("X1").active());
    }

    @Test
    void byAidNeedsTheAccountsAidAndALookupHeader() throws Exception {
        assertRejected("Tag Code not found", form("/v1/a/B9", "ix_status=Active", "ix_u", "04A1B2C3D4E5F6"));
        assertRejected("Tag Code not found", form("/v1/a/A1", "ix_status=Active"));
    }

    @Test
    void allThreeTokenSpellingsAreAccepted() throws Exception {
        for (String header : IxkioEmulator.TOKEN_HEADERS) {
            HttpResponse<String> r = patch("/v1/x/X1", FORM, "ix_status=Active", header, KEY);
            assertEquals(200, r.statusCode(), header);
            assertEquals("X1", JSON.readTree(r.body()).path("xuid").asText(), header);
        }
        assertEquals(3, emulator.account().counts().updatesApplied());
    }

    @Test
    void badOrMissingTokenIs401AndChangesNothing() throws Exception {
        HttpResponse<String> wrong = patch("/v1/x/X1", FORM, "ix_status=Active", "X-API-Key", "nope");
        assertEquals(401, wrong.statusCode());
        assertEquals("Invalid API Key", JSON.readTree(wrong.body()).path("message").asText());
        assertFalse(wrong.body().contains(KEY));
        assertEquals(401, patch("/v1/x/X1", FORM, "ix_status=Active").statusCode());
        assertEquals(401, patch("/v1/x/NOPE", FORM, "ix_status=Active", "Ixkio-R", "nope").statusCode());
        assertFalse(code("X1").active());
        assertEquals(3, emulator.account().counts().unauthorized());
    }

    @Test
    void jsonBodiesUseTheSameNames() throws Exception {
        HttpResponse<String> r = patch("/v1/x/X3", "application/json; charset=utf-8",
                "{\"ix_status\":\"Active\",\"ix_assigned\":\"Assigned\",\"ix_dr\":\"hello\"}", "X-Api-Key", KEY);
        assertEquals(200, r.statusCode());
        assertEquals(3, JSON.readTree(r.body()).path("updated").size());
        assertTrue(code("X3").active());
        assertEquals("hello", code("X3").effectiveResponse());
        HttpResponse<String> bad = patch("/v1/x/X3", "application/json", "{\"ix_status\":1}", "X-API-Key", KEY);
        assertEquals(400, bad.statusCode());
        assertEquals(400, patch("/v1/x/X3", "application/json", "[", "X-API-Key", KEY).statusCode());
        assertEquals(415, patch("/v1/x/X3", "text/plain", "ix_status=Active", "X-API-Key", KEY).statusCode());
    }

    @Test
    void aBodyWithoutContentTypeIsReadAsAForm() throws Exception {
        assertEquals(200, patch("/v1/x/X2", null, "ix_status=Active", "X-API-Key", KEY).statusCode());
        assertTrue(code("X2").active());
    }

    @Test
    void stateListsEveryTagCodeAndTheCounts() throws Exception {
        form("/v1/x/X1", "ix_status=Active&ix_assigned=Assigned&ix_dr=own");
        form("/v1/x/X1", "ix_status=Maybe");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/_emulator/state"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode s = JSON.readTree(r.body());
        assertEquals("A1", s.path("aid").asText());
        assertEquals(3, s.path("counts").path("tag_codes").asInt());
        assertEquals(1, s.path("counts").path("active").asInt());
        assertEquals(1, s.path("counts").path("updates_applied").asInt());
        assertEquals(1, s.path("counts").path("updates_rejected").asInt());
        JsonNode x1 = s.path("tag_codes").get(0);
        assertEquals("Active", x1.path("status").asText());
        assertEquals(NOW.toString(), x1.path("assigned_at").asText());
        assertEquals("own", x1.path("response").asText());
        assertEquals("tag_code", x1.path("response_source").asText());
        assertEquals("04A1B2C3D4E5F6", x1.path("uid").asText());
        assertEquals("tag_group", s.path("tag_codes").get(1).path("response_source").asText());
        assertTrue(s.has("faults"));
        assertFalse(r.body().contains(KEY));
    }

    @Test
    void outageClosesTheConnectionAndAppliesNothing() throws Exception {
        emulator.faults().configure("{\"outage\":true}");
        assertThrows(IOException.class, () -> patch("/v1/x/X1", FORM, "ix_status=Active", "X-API-Key", KEY));
        assertFalse(code("X1").active());
        emulator.faults().configure("{}");
        assertEquals(200, patch("/v1/x/X1", FORM, "ix_status=Active", "X-API-Key", KEY).statusCode());
    }

    @Test
    void errorRateAnswers503WithRetryAfterAndAppliesNothing() throws Exception {
        emulator.faults().configure("{\"error_rate\":1.0}");
        HttpResponse<String> r = patch("/v1/x/X1", FORM, "ix_status=Active", "X-API-Key", KEY);
        assertEquals(503, r.statusCode());
        assertEquals("1", r.headers().firstValue("retry-after").orElseThrow());
        assertTrue(JSON.readTree(r.body()).has("message"));
        assertFalse(code("X1").active());
    }

    @Test
    void wrongMethodAndUnknownPathsAnswerWithAMessage() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/x/X1")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertTrue(JSON.readTree(get.body()).has("message"));
        assertEquals(404, patch("/v2/x/X1", FORM, "ix_status=Active", "X-API-Key", KEY).statusCode());
    }
}
