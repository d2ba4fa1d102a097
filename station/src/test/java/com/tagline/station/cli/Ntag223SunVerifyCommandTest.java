package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.hardware.ntag223.sun.SunMessage;
import com.tagline.hardware.ntag223.sun.TamperStatus;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@code station sun-verify --protocol ntag_223_dna}: same contract as the NTAG 424 DNA form. */
class Ntag223SunVerifyCommandTest {
    private static final String ZERO = "00000000000000000000000000000000";
    // AN12998 via Proxmark3 ntag22x_libsuncmac.py (ntag223.md §6.5): K = 00×16, UID 04AA2BD2335780, CTR 000001,
    // MAC B188AC6F69140B92.
    private static final String VECTOR_1 = "04AA2BD2335780x000001xB188AC6F69140B92";
    // AN12998 via Proxmark3 (ntag223.md §6.5): K = 00×16, UID 04C767F2066180, CTR 000003, MAC 3779793DFE592188.
    private static final String VECTOR_2 = "04C767F2066180x000003x3779793DFE592188";
    // ntag223.md §6.5 pitfall: vector 1 with the counter LSB first gives this MAC; a correct verifier rejects it.
    private static final String LSB_FIRST_PITFALL = "04AA2BD2335780x000001x2973F8C27A4D6F6F";

    private static JsonNode json(CliRunner r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void an12998VectorsVerify() throws Exception {
        CliRunner r = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--key", ZERO,
                "https://tags.example.com/t/tag_000001?sun=" + VECTOR_1);
        assertEquals(0, r.exit(), r.err());
        JsonNode j = json(r);
        assertTrue(j.get("valid").asBoolean());
        assertEquals("04AA2BD2335780", j.get("uid").asText());
        assertEquals(1, j.get("counter").asInt());
        assertFalse(j.has("tamper"), "a plain NTAG 223 DNA message has no tamper field");

        CliRunner second = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--key", ZERO,
                "http://www.foo.bar?uid=" + VECTOR_2);
        assertEquals(0, second.exit(), second.err());
        assertEquals("04C767F2066180", json(second).get("uid").asText());
        assertEquals(3, json(second).get("counter").asInt());
    }

    @Test
    void firstShapedQueryValueIsUsedUnlessAParameterIsNamed() throws Exception {
        String url = "https://a.example/t?id=42&x=" + VECTOR_1.replace("B188", "0000") + "&m=" + VECTOR_2;
        CliRunner auto = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--key", ZERO, url);
        assertEquals(1, auto.exit(), "the first shaped value (x, tampered) is the one checked");
        assertEquals("04AA2BD2335780", json(auto).get("uid").asText());
        CliRunner named = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--key", ZERO, "--sun-param", "m",
                url);
        assertEquals(0, named.exit(), named.err());
        assertEquals(3, json(named).get("counter").asInt());
    }

    @Test
    void tamperedMessagesExitOne() throws Exception {
        for (String message : new String[] {VECTOR_1.replace("B188", "B189"), VECTOR_1.replace("000001", "000002"),
            LSB_FIRST_PITFALL}) {
            CliRunner r = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--key", ZERO,
                    "https://a.example/?sun=" + message);
            assertEquals(1, r.exit(), message);
            assertFalse(json(r).get("valid").asBoolean());
        }
        CliRunner wrongKey = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--key",
                "000102030405060708090A0B0C0D0E0F", "https://a.example/?sun=" + VECTOR_1);
        assertEquals(1, wrongKey.exit());
    }

    @Test
    void statusDetectMessagePrintsItsTamperField() throws Exception {
        String message = SunMessage.compute(new byte[16], HexFormat.of().parseHex("04AA2BD2335780"), 5,
                TamperStatus.parse("CO00000000")).text();
        CliRunner r = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--key", ZERO,
                "https://a.example/?sun=" + message);
        assertEquals(0, r.exit(), r.err());
        assertEquals("CO00000000", json(r).get("tamper").asText());
    }

    @Test
    void badInputExitsTwoWithAMessage() {
        CliRunner shortKey = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--key", "0011",
                "https://a.example/?sun=" + VECTOR_1);
        assertEquals(2, shortKey.exit());
        assertTrue(shortKey.err().contains("--key"), shortKey.err());
        CliRunner none = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--key", ZERO,
                "https://a.example/?sun=04AA2BD2335780");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("shape"), none.err());
        CliRunner missing = CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--key", ZERO, "--sun-param",
                "s", "https://a.example/?sun=" + VECTOR_1);
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no parameter s"), missing.err());
        assertEquals(2, CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--meta-key", ZERO, "--file-key",
                ZERO, "https://a.example/?sun=" + VECTOR_1).exit(), "split keys are NTAG 424 DNA only");
        assertEquals(2, CliRunner.run("sun-verify", "--protocol", "ntag_223_dna", "--key", ZERO,
                "not a url ?sun=" + VECTOR_1).exit());
        assertEquals(2, CliRunner.run("sun-verify", "--key", ZERO, "--sun-param", "sun",
                "https://a.example/?sun=" + VECTOR_1).exit(), "--sun-param is NTAG 223 DNA only");
    }
}
