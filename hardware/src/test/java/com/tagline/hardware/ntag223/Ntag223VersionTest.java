package com.tagline.hardware.ntag223;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Identification by GET_VERSION (ntag223.md §1.1 table, Proxmark3 + real tags [confirmed]). */
class Ntag223VersionTest {
    private static Ntag223Version v(String hex) {
        return new Ntag223Version(HexFormat.of().parseHex(hex));
    }

    @Test
    void identifiesBothNtag223Variants() {
        assertEquals(Ntag223Variant.PLAIN, v("0004040204000F03").variant().orElseThrow());
        assertEquals(Ntag223Variant.STATUS_DETECT, v("0004040804000F03").variant().orElseThrow());
        assertArrayEquals(HexFormat.of().parseHex("0004040804000F03"), Ntag223Variant.STATUS_DETECT.versionBytes());
        assertEquals(0x0F, v("0004040204000F03").storageSize());
    }

    @Test
    void rejectsSiblingsAndLookalikes() {
        assertFalse(v("0004040205001003").isNtag223(), "NTAG 224 DNA");
        assertFalse(v("0004040805001003").isNtag223(), "NTAG 224 DNA SD");
        assertFalse(v("0004040201000F03").isNtag223(), "NTAG213");
        assertFalse(v("0004030104000F03").isNtag223(), "Ultralight AES");
        assertFalse(v("0004040404000F03").isNtag223(), "unknown subtype");
        assertTrue(v("0004040204000F03").isNtag223());
        assertThrows(IllegalArgumentException.class, () -> v("00040402"));
    }
}
