package com.tagline.hardware.ntag424.sdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** SUN URL verification against published AN12196 examples. */
class SunVerifierTest {
    private static final byte[] ZERO = new byte[16];

    @Test
    void an12196EncryptedPiccDataWithEmptyMacInput() {
        // AN12196 rev 1.8 §4.4.2.1 + Table 3 + Table 5 (rev 2.0 T2/T4); nfc-developer/sdm-backend test_sun1.
        SunResult r = SunVerifier.verify(
                "https://ntag.nxp.com/424?e=EF963FF7828658A599F3041510671E88&c=94EED9EE65337086", ZERO, ZERO,
                SunVerifier.Names.auto());
        assertTrue(r.valid());
        assertEquals("04DE5F1EACC040", r.uidHex());
        assertEquals(61, r.counter());
        assertNull(r.data());
    }

    @Test
    void an12196EncryptedFileDataMacCoversEncAndSeparator() {
        // AN12196 page 18 URL, as in nfc-developer/sdm-backend tests/test_libsdm.py test_sun2:
        // MAC input = the ENC value and "&cmac=" (from the ENC value up to the MAC value).
        SunResult r = SunVerifier.verify("https://www.my424dna.com/?picc_data=FD91EC264309878BE6345CBE53BADF40"
                + "&enc=CEE9A53E3E463EF1F459635736738962&cmac=ECC1E7F6C6C73BF6", ZERO, ZERO, SunVerifier.Names.auto());
        assertTrue(r.valid());
        assertEquals("04958CAA5C5E80", r.uidHex());
        assertEquals(8, r.counter());
        assertEquals(HexFormat.of().withUpperCase().formatHex("xxxxxxxxxxxxxxxx".getBytes(StandardCharsets.US_ASCII)),
                r.data());
    }

    /** Issue 12: a parameter given twice was verified (the first copy read); it is refused as bad input. */
    @Test
    void aUrlWithARepeatedParameterIsRefusedNotVerified() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SunVerifier.verify("https://ntag.nxp.com/424?e=EF963FF7828658A599F3041510671E88"
                        + "&c=94EED9EE65337086&e=00000000000000000000000000000000", ZERO, ZERO,
                        SunVerifier.Names.auto()));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("'e' appears more than once"),
                e.getMessage());
    }

    @Test
    void wrongMacFromSdmBackendIsInvalid() {
        // nfc-developer/sdm-backend test_sun2_wrong_sdmmac.
        SunResult r = SunVerifier.verify("https://www.my424dna.com/?picc_data=FD91EC264309878BE6345CBE53BADF40"
                + "&enc=CEE9A53E3E463EF1F459635736738962&cmac=3CC1E7F6C6C33B33", ZERO, ZERO, SunVerifier.Names.auto());
        assertFalse(r.valid());
        assertNull(r.data(), "file data of an unauthenticated message is not revealed");
    }

    @Test
    void plainMirrorWithZeroKey() {
        // nfc-developer/sdm-backend test_plain_sdm: UID 041E3C8A2D6B80, ctr 000006, empty MAC input.
        SunResult r = SunVerifier.verify("https://example.com/t?uid=041E3C8A2D6B80&ctr=000006&cmac=4B00064004B0B3D3",
                null, ZERO, SunVerifier.Names.auto());
        assertTrue(r.valid());
        assertEquals(6, r.counter());
    }

    @Test
    void customParameterNamesAreHonoured() {
        SunResult r = SunVerifier.verify(
                "https://ntag.nxp.com/424?x=EF963FF7828658A599F3041510671E88&m=94EED9EE65337086", ZERO, ZERO,
                new SunVerifier.Names("x", "m", null));
        assertTrue(r.valid());
    }

    @Test
    void wrongMetaKeyIsInvalidNotBadInput() {
        byte[] wrong = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");
        SunResult r = SunVerifier.verify(
                "https://ntag.nxp.com/424?e=EF963FF7828658A599F3041510671E88&c=94EED9EE65337086", wrong, ZERO,
                SunVerifier.Names.auto());
        assertFalse(r.valid());
    }

    @Test
    void malformedInputNamesTheProblem() {
        IllegalArgumentException noMac = assertThrows(IllegalArgumentException.class,
                () -> SunVerifier.verify("https://a.b/?e=EF963FF7828658A599F3041510671E88", ZERO, ZERO,
                        SunVerifier.Names.auto()));
        assertTrue(noMac.getMessage().contains("MAC"));
        IllegalArgumentException shortPicc = assertThrows(IllegalArgumentException.class,
                () -> SunVerifier.verify("https://a.b/?e=EF96&c=94EED9EE65337086", ZERO, ZERO, SunVerifier.Names.auto()));
        assertTrue(shortPicc.getMessage().contains("PICCData"));
        assertThrows(IllegalArgumentException.class,
                () -> SunVerifier.verify("https://a.b/?e=ZZ963FF7828658A599F3041510671E88&c=94EED9EE65337086", ZERO,
                        ZERO, SunVerifier.Names.auto()));
        assertThrows(IllegalArgumentException.class, () -> SunVerifier.verify("not a url", ZERO, ZERO,
                SunVerifier.Names.auto()));
    }
}
