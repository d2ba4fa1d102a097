package com.tagline.simulator.platform.tagbase;

import static com.tagline.simulator.platform.tagbase.TagbaseHttp.configured;
import static com.tagline.simulator.platform.tagbase.TagbaseHttp.reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Keys;
import com.tagline.hardware.ntag223.sun.SunMessage;
import com.tagline.hardware.ntag424.sdm.SdmCrypto;
import com.tagline.hardware.tag.ChipProtocol;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scan verifications (platform-api §1.2) with real SUN messages: NTAG 424 DNA PICCData and SDMMAC computed with
 * the hardware SDM crypto (DS §9.3) and the AN10922-diversified keys 1 and 2; NTAG 223 DNA with its SUN CMAC.
 */
class TagbaseVerificationsTest {
    private static final String KEY = "tb_station_key";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] UID = HEX.parseHex("04A1B2C3D4E5F6");
    private static final byte[] OTHER_UID = HEX.parseHex("04112233445566");
    static final MasterKeySet MASTER_KEYS = new MasterKeySet(List.of(key(0x10), key(0x20), key(0x30), key(0x40),
            key(0x50)), 1, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
    private TagbaseEmulator emulator;
    private TagbaseHttp http;

    private static byte[] key(int fill) {
        byte[] k = new byte[16];
        for (int i = 0; i < 16; i++) {
            k[i] = (byte) (fill + i);
        }
        return k;
    }

    @BeforeEach
    void start() {
        emulator = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(KEY).withMasterKeys(MASTER_KEYS));
        http = new TagbaseHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** The query parameters an NTAG 424 DNA with {@code uid} mirrors at read counter {@code ctr}. */
    static String ntag424Params(byte[] uid, int ctr) {
        ChipKeys k = MASTER_KEYS.diversify(uid);
        byte[] picc = SdmCrypto.encryptPiccData(k.key(1), uid, ctr, new byte[16]);
        byte[] mac = SdmCrypto.sdmMac(SdmCrypto.sessionMacKey(k.key(2), uid, ctr), new byte[0]);
        return "\"picc_data\":\"" + HEX.formatHex(picc) + "\",\"cmac\":\"" + HEX.formatHex(mac) + "\"";
    }

    private String configuredTag(ChipProtocol protocol, byte[] uid) throws Exception {
        String id = emulator.seedTags(KEY, 1, protocol, "https://x.test/" + protocol.code()).get(0);
        http.expect(200, "/api/v1/tag_configurations", KEY, reports(configured(id, HEX.formatHex(uid))));
        return id;
    }

    private JsonNode verify(String tagId, String attributes) throws Exception {
        return http.expect(201, "/api/v1/tags/" + tagId + "/verifications", KEY,
                "{\"data\":{\"type\":\"verifications\",\"attributes\":{" + attributes + "}}}").path("data");
    }

    @Test
    void ntag424ScanIsValidOnceThenItsCounterIsAReplay() throws Exception {
        String id = configuredTag(ChipProtocol.NTAG_424_DNA, UID);
        JsonNode v = verify(id, ntag424Params(UID, 5));
        assertEquals("verifications", v.path("type").asText());
        assertEquals("valid", v.path("attributes").path("verdict").asText(), v.toString());
        assertEquals(5, v.path("attributes").path("counter").asInt());
        JsonNode replay = verify(id, ntag424Params(UID, 5));
        assertEquals("invalid", replay.path("attributes").path("verdict").asText());
        assertTrue(replay.path("attributes").path("detail").asText().contains("replay"));
        assertEquals("invalid", verify(id, ntag424Params(UID, 4)).path("attributes").path("verdict").asText());
        assertEquals("valid", verify(id, ntag424Params(UID, 6)).path("attributes").path("verdict").asText());
        assertEquals(2, emulator.state().verifications("valid"));
        assertEquals(2, emulator.state().verifications("invalid"));
    }

    @Test
    void tamperedMacAnotherChipAndGarbageAreInvalid() throws Exception {
        String id = configuredTag(ChipProtocol.NTAG_424_DNA, UID);
        String good = ntag424Params(UID, 9);
        char last = good.charAt(good.length() - 2);
        String tampered = good.substring(0, good.length() - 2) + (last == '0' ? '1' : '0') + "\"";
        assertEquals("invalid", verify(id, tampered).path("attributes").path("verdict").asText());
        // A genuine message of another chip (its own keys) does not verify with the bound chip's keys.
        assertEquals("invalid", verify(id, ntag424Params(OTHER_UID, 10)).path("attributes").path("verdict").asText());
        assertEquals("invalid", verify(id, "\"picc_data\":\"zz\",\"cmac\":\"00\"").path("attributes")
                .path("verdict").asText());
        // The failed attempts did not consume the counter.
        assertEquals("valid", verify(id, good).path("attributes").path("verdict").asText());
    }

    @Test
    void ntag223ScanVerifiesWithItsSunKey() throws Exception {
        String id = configuredTag(ChipProtocol.NTAG_223_DNA, UID);
        byte[] sunKey = Ntag223Keys.sunKey(MASTER_KEYS.diversify(UID));
        String sun = SunMessage.compute(sunKey, UID, 3, null).text();
        assertEquals("valid", verify(id, "\"sun\":\"" + sun + "\"").path("attributes").path("verdict").asText());
        assertEquals("invalid", verify(id, "\"sun\":\"" + sun + "\"").path("attributes").path("verdict").asText());
        String wrongKey = SunMessage.compute(new byte[16], UID, 4, null).text();
        assertEquals("invalid", verify(id, "\"sun\":\"" + wrongKey + "\"").path("attributes").path("verdict").asText());
    }

    @Test
    void notConfiguredOrForeignTagsAre404() throws Exception {
        String pending = emulator.seedTags(KEY, 1, ChipProtocol.NTAG_424_DNA, "https://x.test/p").get(0);
        String body = "{\"data\":{\"type\":\"verifications\",\"attributes\":{" + ntag424Params(UID, 1) + "}}}";
        assertEquals(404, http.post("/api/v1/tags/" + pending + "/verifications", KEY, body).statusCode());
        assertEquals(404, http.post("/api/v1/tags/tag_missing/verifications", KEY, body).statusCode());
        String id = configuredTag(ChipProtocol.NTAG_424_DNA, UID);
        emulator.addApiKey("tb_foreign", "foreign");
        assertEquals(404, http.post("/api/v1/tags/" + id + "/verifications", "tb_foreign", body).statusCode());
        HttpResponse<String> bad = http.post("/api/v1/tags/" + id + "/verifications", KEY,
                "{\"data\":{\"type\":\"verifications\",\"attributes\":{\"cmac\":5}}}");
        assertEquals(400, bad.statusCode());
        assertEquals("/data/attributes/cmac", TagbaseHttp.pointer(bad));
    }

    @Test
    void withoutMasterKeysVerificationsAre503() throws Exception {
        try (TagbaseEmulator keyless = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(KEY))) {
            TagbaseHttp h = new TagbaseHttp(keyless);
            String id = keyless.seedTags(KEY, 1, ChipProtocol.NTAG_424_DNA, "https://x.test/p").get(0);
            h.expect(200, "/api/v1/tag_configurations", KEY, reports(configured(id, HEX.formatHex(UID))));
            HttpResponse<String> r = h.post("/api/v1/tags/" + id + "/verifications", KEY,
                    "{\"data\":{\"type\":\"verifications\",\"attributes\":{" + ntag424Params(UID, 1) + "}}}");
            assertEquals(503, r.statusCode());
            JsonNode e = TagbaseHttp.json(r).path("errors").path(0);
            assertEquals("503", e.path("status").asText());
            assertTrue(e.path("detail").asText().contains("master keys"));
        }
    }
}
