package com.tagline.station.platform.ixkio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.simulator.platform.EmulatorFaults;
import com.tagline.simulator.platform.ixkio.IxkioAccount;
import com.tagline.simulator.platform.ixkio.IxkioEmulator;
import com.tagline.simulator.platform.ixkio.TagCode;
import com.tagline.simulator.platform.ixkio.TagCodeSeed;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.PlatformStatusException;
import com.tagline.station.platform.PlatformUnreachableException;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link IxkioClient} against the real ixkio emulator on loopback (platform-api §2). */
class IxkioClientTest {
    private static final String KEY = "station-ixkio-key";
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private IxkioEmulator emulator;
    private IxkioClient client;

    @BeforeEach
    void start() {
        List<TagCodeSeed> seeds = TagCodeSeed.read(new StringReader(
                "xuid,cuid,url,uid\nX1,Cu1,https://g.example/1,04A1B2C3D4E5F6\nX 2/b,,https://g.example/2,\n"));
        emulator = IxkioEmulator.start(new IxkioAccount("A1", seeds, Clock.fixed(NOW, ZoneOffset.UTC)), KEY,
                new EmulatorFaults(5), 0);
        client = open(KEY, IxkioTokenHeader.X_API_KEY);
    }

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    private IxkioClient open(String token, IxkioTokenHeader header) {
        return IxkioClient.open(new HttpEndpoint(URI.create(emulator.baseUrl()), token, Duration.ofSeconds(2),
                Duration.ofSeconds(3)), header);
    }

    private TagCode code(String xuid) {
        return emulator.account().tagCode(xuid).orElseThrow();
    }

    @Test
    void activationWithTheManifestsOptionalFieldsIsApplied() {
        TagCodeUpdate update = TagCodeUpdate.activation().withDefaultResponse("https://own.example/p?a=1&b=2")
                .withNft(new NftData(NftChain.POLYGON_MAIN, "0xContract", "42")).withNftOwner("0xOwner");
        UpdateResult r = client.update(TagCodeRef.xuid("X1"), update);
        assertEquals(new UpdateResult.Applied("X1", List.of("ix_dr", "ix_status", "ix_assigned", "ix_nftchain",
                "ix_nftcontract", "ix_nfttoken", "ix_nftowner")), r);
        TagCode c = code("X1");
        assertTrue(c.active());
        assertTrue(c.assigned());
        assertEquals(NOW, c.assignedAt());
        assertEquals("https://own.example/p?a=1&b=2", c.effectiveResponse());
        assertEquals("polygon_main", c.nftChain());
        assertEquals("0xOwner", c.nftOwner());
    }

    @Test
    void xuidIsPercentEncodedInThePath() {
        assertEquals(new UpdateResult.Applied("X 2/b", List.of("ix_status", "ix_assigned")), client.activate("X 2/b"));
        assertTrue(code("X 2/b").active());
    }

    @Test
    void everyTokenSpellingWorks() {
        for (IxkioTokenHeader h : IxkioTokenHeader.values()) {
            try (IxkioClient c = open(KEY, h)) {
                assertTrue(c.activate("X1") instanceof UpdateResult.Applied, h.spelling());
            }
        }
        assertEquals(IxkioTokenHeader.IXKIO_R, IxkioTokenHeader.parse("Ixkio-R"));
        assertThrows(IllegalArgumentException.class, () -> IxkioTokenHeader.parse("Authorization"));
    }

    @Test
    void byUidSendsTheUidUppercaseAndByCuidAsGiven() {
        UpdateResult r = client.update(TagCodeRef.uid("A1", "04a1b2c3d4e5f6"), TagCodeUpdate.activation());
        assertEquals("X1", ((UpdateResult.Applied) r).xuid());
        assertEquals(new UpdateResult.Rejected("Tag Code not found"),
                client.update(TagCodeRef.cuid("A1", "CU1"), TagCodeUpdate.deactivation()));
        assertTrue(client.update(TagCodeRef.cuid("A1", "Cu1"), TagCodeUpdate.deactivation())
                instanceof UpdateResult.Applied);
        assertFalse(code("X1").active());
    }

    @Test
    void aRejectedUpdateIsAResultWithTheMessage() {
        assertEquals(new UpdateResult.Rejected("Tag Code not found"), client.activate("NOPE"));
        assertEquals(0, emulator.account().counts().updatesApplied());
    }

    @Test
    void badTokenIs401StatusExceptionWithoutTheToken() {
        try (IxkioClient wrong = open("not-the-key", IxkioTokenHeader.X_API_KEY_MIXED_CASE)) {
            PlatformStatusException e = assertThrows(PlatformStatusException.class, () -> wrong.activate("X1"));
            assertEquals(401, e.status());
            assertFalse(e.transientFailure());
            assertTrue(e.getMessage().contains("Invalid API Key"), e.getMessage());
            assertFalse(e.getMessage().contains("not-the-key"));
        }
        assertFalse(code("X1").active());
    }

    @Test
    void serverErrorsAreTransientStatusExceptionsWithRetryAfter() {
        emulator.faults().configure("{\"error_rate\":1.0}");
        PlatformStatusException e = assertThrows(PlatformStatusException.class, () -> client.activate("X1"));
        assertEquals(503, e.status());
        assertTrue(e.transientFailure());
        assertEquals(Duration.ofSeconds(1), e.retryAfter().orElseThrow());
        assertFalse(code("X1").active());
    }

    @Test
    void outageIsUnreachable() {
        emulator.faults().configure("{\"outage\":true}");
        PlatformUnreachableException e = assertThrows(PlatformUnreachableException.class, () -> client.activate("X1"));
        assertFalse(e.getMessage().contains(KEY));
        emulator.faults().configure("{}");
        assertTrue(client.activate("X1") instanceof UpdateResult.Applied);
    }

    @Test
    void aStoppedPlatformIsUnreachable() {
        emulator.close();
        assertThrows(PlatformUnreachableException.class, () -> client.activate("X1"));
    }

    @Test
    void uidRefRejectsNonHex() {
        assertThrows(IllegalArgumentException.class, () -> TagCodeRef.uid("A1", "04ZZ"));
        assertEquals("ix_status=Active&ix_assigned=Assigned&ix_dr=a+b%26c",
                TagCodeUpdate.activation().withDefaultResponse("a b&c").formBody());
    }
}
