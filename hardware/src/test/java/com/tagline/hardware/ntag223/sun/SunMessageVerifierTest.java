package com.tagline.hardware.ntag223.sun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.ntag223.Ntag223Variant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Parsing and verifying scanned SUN messages and URLs (ntag223.md §6.1–§6.2). */
class SunMessageVerifierTest {
    private static final byte[] ZERO_KEY = new byte[16];
    private static final byte[] NIST_KEY = HexFormat.of().parseHex("2B7E151628AED2A6ABF7158809CF4F3C");
    /** AN12998 vector 1 (ntag223.md §6.5). */
    private static final String AN12998_1 = "04AA2BD2335780x000001xB188AC6F69140B92";

    @Test
    void an12998VectorsVerify() {
        // AN12998 vectors 1 and 2 (ntag223.md §6.5; Proxmark3 verify_suncmac asserts).
        SunMessageResult r = SunMessageVerifier.verify(AN12998_1, ZERO_KEY);
        assertTrue(r.valid());
        assertNull(r.reason());
        assertEquals("04AA2BD2335780", r.uidHex());
        assertEquals(1, r.counter());
        assertNull(r.tamper());
        assertEquals(Ntag223Variant.PLAIN, r.message().variant());
        SunMessageResult r2 = SunMessageVerifier.verify("04C767F2066180x000003x3779793DFE592188", ZERO_KEY);
        assertTrue(r2.valid());
        assertEquals(3, r2.counter());
    }

    @Test
    void statusDetectMessageCarriesTheTamperLetters() {
        // Real 223 SD (Proxmark3 ntag22x_libsuncmac.py, commit 79b9945).
        SunMessageResult r = SunMessageVerifier.verify("046910EA841390x000000xCO00000000x146F1F74FFB89569", ZERO_KEY);
        assertTrue(r.valid());
        assertEquals(Ntag223Variant.STATUS_DETECT, r.message().variant());
        assertEquals(TamperState.CLOSED, r.tamper().firstState().orElseThrow());
        assertEquals(TamperState.OPEN, r.tamper().secondState().orElseThrow());
    }

    @Test
    void aChangedCharacterOrWrongKeyIsInvalid() {
        assertFalse(SunMessageVerifier.verify(AN12998_1.replace("B188", "B189"), ZERO_KEY).valid());
        assertFalse(SunMessageVerifier.verify(AN12998_1.replace("x000001", "x000002"), ZERO_KEY).valid());
        SunMessageResult r = SunMessageVerifier.verify(AN12998_1, NIST_KEY);
        assertFalse(r.valid());
        assertTrue(r.reason().contains("does not match"));
        // The tamper letters are MAC input: swapping them breaks the MAC.
        assertFalse(SunMessageVerifier.verify("046910EA841390x000000xOC00000000x146F1F74FFB89569", ZERO_KEY).valid());
    }

    @Test
    void proxmarkUrlVerifiesWithAutoDetectionAndByName() {
        // Real 223 SD with the §6.4 template and the NIST key (Proxmark3 ntag22x_libsuncmac.py, commit 79b9945).
        String url = "http://www.foo.bar?uid=048A0FEA841390x000000x0000000000x1A797B9096B03021";
        assertTrue(SunMessageVerifier.verifyUrl(url, NIST_KEY, null).valid());
        assertTrue(SunMessageVerifier.verifyUrl(url, NIST_KEY, "uid").valid());
        assertEquals("048A0FEA841390", SunMessageVerifier.verifyUrl(url, NIST_KEY, null).uidHex());
        assertThrows(IllegalArgumentException.class, () -> SunMessageVerifier.verifyUrl(url, NIST_KEY, "sun"));
    }

    @Test
    void messageIsFoundInOtherParametersAndInThePath() {
        assertTrue(SunMessageVerifier.verifyUrl("https://a.example/t?x=1&m=" + AN12998_1 + "&y=2", ZERO_KEY, null)
                .valid());
        assertTrue(SunMessageVerifier.verifyUrl("https://a.example/t/" + AN12998_1, ZERO_KEY, null).valid());
        assertTrue(SunMessageVerifier.verifyUrl("https://a.example/t?sun=" + AN12998_1, ZERO_KEY, "sun").valid());
    }

    @Test
    void malformedInputIsBadInputNotInvalid() {
        assertThrows(IllegalArgumentException.class,
                () -> SunMessageVerifier.verify("04AA2BD2335780x000001", ZERO_KEY));
        assertThrows(IllegalArgumentException.class,
                () -> SunMessageVerifier.verify(AN12998_1.toLowerCase(), ZERO_KEY), "the chip mirrors uppercase");
        assertThrows(IllegalArgumentException.class,
                () -> SunMessageVerifier.verify(AN12998_1.replace('x', '-'), ZERO_KEY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SunMessageVerifier.verifyUrl("https://a.example/t?sun=nothing", ZERO_KEY, null));
        assertTrue(e.getMessage().contains("no NTAG 223 DNA SUN message"));
    }

    @Test
    void messageTextRoundTrips() {
        for (String text : new String[] {AN12998_1, "046910EA841390x000000xCO00000000x146F1F74FFB89569",
            "046910EA841390x000000x0000000000x887DBC0298EF2755"}) {
            assertEquals(text, SunMessage.parse(text).text());
            assertEquals(SunMessage.parse(text), SunMessage.parse(text));
        }
    }
}
