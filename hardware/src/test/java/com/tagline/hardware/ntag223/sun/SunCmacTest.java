package com.tagline.hardware.ntag223.sun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.AesCmac;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The NTAG 22x SUN CMAC (ntag223.md §6.2) and key page order (§6.3) against published vectors. */
class SunCmacTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] ZERO_KEY = new byte[16];
    /** RFC 4493 / NIST SP 800-38B example key, used by Proxmark3 on a real 223 SD. */
    private static final byte[] NIST_KEY = HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C");

    static byte[] h(String hex) {
        return HEX.parseHex(hex.replaceAll("\\s+", ""));
    }

    @Test
    void an12998FirstVector() {
        // AN12998 vector 1 (ntag223.md §6.5; Proxmark3 ntag22x_libsuncmac.py "Test vectors from AN12998"):
        // K = 00×16, UID 04AA2BD2335780, CTR 000001 → full CMAC 23B1…BB92, MAC B188AC6F69140B92.
        byte[] uid = h("04AA2BD2335780");
        assertEquals("04AA2BD2335780000001", HEX.formatHex(SunCmac.input(uid, 1, null)));
        assertEquals("23B1848817AC166F8F69B114FE0BBB92", HEX.formatHex(SunCmac.fullCmac(ZERO_KEY, uid, 1, null)));
        assertEquals("B188AC6F69140B92", HEX.formatHex(SunCmac.mac(ZERO_KEY, uid, 1, null)));
        assertEquals("04AA2BD2335780x000001xB188AC6F69140B92", SunMessage.compute(ZERO_KEY, uid, 1, null).text());
    }

    @Test
    void an12998SecondVector() {
        // AN12998 vector 2 (ntag223.md §6.5; Proxmark3 ntag22x_libsuncmac.py): UID 04C767F2066180, CTR 000003.
        byte[] uid = h("04C767F2066180");
        assertEquals("3779793DFE592188", HEX.formatHex(SunCmac.mac(ZERO_KEY, uid, 3, null)));
        assertEquals("04C767F2066180x000003x3779793DFE592188", SunMessage.compute(ZERO_KEY, uid, 3, null).text());
    }

    @Test
    void counterIsMsbFirstNotLsbFirst() {
        // ntag223.md §6.5 pitfall check [inferred, computed]: vector 1 with the counter LSB first (010000)
        // gives 2973F8C27A4D6F6F; a verifier producing that has the byte order wrong.
        byte[] lsbFirst = h("04AA2BD2335780 010000");
        assertEquals("2973F8C27A4D6F6F", HEX.formatHex(AesCmac.macT(ZERO_KEY, lsbFirst)));
        assertNotEquals("2973F8C27A4D6F6F", HEX.formatHex(SunCmac.mac(ZERO_KEY, h("04AA2BD2335780"), 1, null)));
        assertEquals("04AA2BD2335780 123456".replace(" ", ""),
                HEX.formatHex(SunCmac.input(h("04AA2BD2335780"), 0x123456, null)));
    }

    @Test
    void tamperStatusLettersBecomeNibbles() {
        // ntag223.md §6.2: status CO + 00000000 → TT bytes 3F 00 00 00 00; C=3, O=F, I=9; hidden → 00×5.
        assertEquals("3F00000000", HEX.formatHex(TamperStatus.parse("CO00000000").macBytes()));
        assertEquals("9300000001", HEX.formatHex(TamperStatus.parse("IC00000001").macBytes()));
        assertEquals("0000000000", HEX.formatHex(TamperStatus.hidden().macBytes()));
        assertTrue(TamperStatus.hidden().isHidden());
        assertEquals(TamperState.OPEN, TamperStatus.parse("CO00000000").secondState().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> TamperStatus.parse("XO00000000"));
        assertThrows(IllegalArgumentException.class, () -> TamperStatus.parse("CO0000000G"));
    }

    @Test
    void realStatusDetectTagWithTamperDataVisible() {
        // Real 223 SD, CFG0 80 3D 04 3C / CFG1 83 00 00 00, zero key (Proxmark3 ntag22x_libsuncmac.py, commit
        // 79b9945; ntag223.md §3 real-tag observation).
        SunMessage m = SunMessage.compute(ZERO_KEY, h("046910EA841390"), 0, TamperStatus.parse("CO00000000"));
        assertEquals("046910EA841390x000000xCO00000000x146F1F74FFB89569", m.text());
    }

    @Test
    void realStatusDetectTagWithTamperDataHidden() {
        // Same tag, CFG0 80 3C 04 3C / CFG1 80 00 00 00 (Proxmark3 ntag22x_libsuncmac.py, commit 79b9945).
        assertEquals("046910EA841390x000000x0000000000x887DBC0298EF2755",
                SunMessage.compute(ZERO_KEY, h("046910EA841390"), 0, TamperStatus.hidden()).text());
        // … and after writing the NIST key 2B7E…4F3C to pages 34h–37h.
        assertEquals("046910EA841390x000000x0000000000x17B5B634CAAA9BB8",
                SunMessage.compute(NIST_KEY, h("046910EA841390"), 0, TamperStatus.hidden()).text());
    }

    @Test
    void keyPagesHoldTheKeyReversed() {
        // ntag223.md §6.3 illustration: K = 000102…0F → A2 34 0F0E0D0C, A2 35 0B0A0908, A2 36 07060504, A2 37 03020100.
        assertEquals("0F0E0D0C0B0A090807060504 03020100".replace(" ", ""),
                HEX.formatHex(SunCmac.keyToPages(h("000102030405060708090A0B0C0D0E0F"))));
        // Proxmark3 ntag22x_libsuncmac.py writes the NIST key as a2343c4fcf09 a2358815f7ab a236a6d2ae28 a23716157e2b.
        assertEquals("3C4FCF098815F7ABA6D2AE2816157E2B", HEX.formatHex(SunCmac.keyToPages(NIST_KEY)));
        assertEquals(HEX.formatHex(NIST_KEY), HEX.formatHex(SunCmac.pagesToKey(SunCmac.keyToPages(NIST_KEY))));
        assertThrows(IllegalArgumentException.class, () -> SunCmac.keyToPages(new byte[15]));
    }

    @Test
    void inputRejectsWrongSizes() {
        assertThrows(IllegalArgumentException.class, () -> SunCmac.input(new byte[4], 0, null));
        assertThrows(IllegalArgumentException.class, () -> SunCmac.input(new byte[7], 0x1000000, null));
        assertThrows(IllegalArgumentException.class, () -> SunCmac.input(new byte[7], -1, null));
    }
}
