package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code station sun-verify} contract: one JSON object, exit 0 valid / 1 invalid / 2 bad input. */
class SunVerifyCommandTest {
    private static final String ZERO = "00000000000000000000000000000000";
    // AN12196 rev 1.8 §4.4.2.1 (rev 2.0 T2/T4); nfc-developer/sdm-backend test_sun1.
    private static final String AN12196_URL =
            "https://ntag.nxp.com/424?e=EF963FF7828658A599F3041510671E88&c=94EED9EE65337086";
    // AN12196 page 18; nfc-developer/sdm-backend test_sun2.
    private static final String AN12196_ENC_URL = "https://www.my424dna.com/?picc_data=FD91EC264309878BE6345CBE53BADF40"
            + "&enc=CEE9A53E3E463EF1F459635736738962&cmac=ECC1E7F6C6C73BF6";

    @Test
    void validUrlPrintsUidAndCounter() throws Exception {
        CliRunner r = CliRunner.run("sun-verify", "--key", ZERO, AN12196_URL);
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("valid").asBoolean());
        assertEquals("04DE5F1EACC040", json.get("uid").asText());
        assertEquals(61, json.get("counter").asInt());
    }

    @Test
    void encryptedFileDataIsPrintedAsHex() throws Exception {
        CliRunner r = CliRunner.run("sun-verify", "--meta-key", ZERO, "--file-key", ZERO, AN12196_ENC_URL);
        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("78787878787878787878787878787878", json.get("data").asText());
        assertEquals(8, json.get("counter").asInt());
    }

    @Test
    void tamperedMacExitsOne() throws Exception {
        CliRunner r = CliRunner.run("sun-verify", "--key", ZERO, AN12196_URL.replace("94EED9", "94EED8"));
        assertEquals(1, r.exit());
        assertEquals(false, new ObjectMapper().readTree(r.out()).get("valid").asBoolean());
    }

    @Test
    void badInputExitsTwoWithAMessage() {
        CliRunner shortKey = CliRunner.run("sun-verify", "--key", "0011", AN12196_URL);
        assertEquals(2, shortKey.exit());
        assertTrue(shortKey.err().contains("--key"), shortKey.err());
        CliRunner noMac = CliRunner.run("sun-verify", "--key", ZERO, "https://a.example/?e=EF963FF7828658A599F3041510671E88");
        assertEquals(2, noMac.exit());
        assertTrue(noMac.err().contains("MAC"), noMac.err());
        assertEquals(2, CliRunner.run("sun-verify", AN12196_URL).exit(), "a key is required");
        assertEquals(2, CliRunner.run("sun-verify", "--protocol", "mifare", "--key", ZERO, AN12196_URL).exit());
    }

    @Test
    void explicitParameterNames() {
        CliRunner r = CliRunner.run("sun-verify", "--key", ZERO, "--picc-param", "e", "--mac-param", "c", AN12196_URL);
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, CliRunner.run("sun-verify", "--key", ZERO, "--mac-param", "mac", AN12196_URL).exit());
    }
}
