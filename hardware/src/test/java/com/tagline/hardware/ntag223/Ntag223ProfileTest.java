package com.tagline.hardware.ntag223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The page map and the profile of [inferred] values (ntag223.md §2.1, §3, §13). */
class Ntag223ProfileTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void ntag223MapMatchesTheReference() {
        // ntag223.md §2.1: user 04h–27h (144 B), 28h dyn lock, 29h/2Ah CFG, 2Bh PWD, 2Ch PACK, 2Dh key lock,
        // 34h–37h SUNCMAC_KEY, last page 3Bh (Proxmark3 MAX_NTAG_223_DNA 0x3B).
        MemoryMap m = MemoryMap.ntag223();
        assertEquals(144, m.userBytes());
        assertEquals(16, m.userStartOffset());
        assertEquals(160, m.userEndOffset());
        assertEquals(60, m.pageCount());
        assertTrue(m.isSunKeyPage(0x34) && m.isSunKeyPage(0x37));
        assertFalse(m.isSunKeyPage(0x33) || m.isSunKeyPage(0x38));
        assertTrue(m.isUserPage(0x27));
        assertFalse(m.isUserPage(0x28));
    }

    @Test
    void mapsWithOverlappingPagesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new MemoryMap(0x04, 0x29, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x34, 0x3B));
        assertThrows(IllegalArgumentException.class,
                () -> new MemoryMap(0x04, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x39, 0x3B));
        assertThrows(IllegalArgumentException.class,
                () -> new MemoryMap(0x03, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x34, 0x3B));
    }

    @Test
    void defaultsAndCopies() {
        Ntag223Profile p = Ntag223Profile.defaults();
        assertEquals("E1101200", HEX.formatHex(p.capabilityContainer()));
        assertEquals("FFFFFFFF", HEX.formatHex(p.factoryPassword()));
        assertEquals("0000", HEX.formatHex(p.factoryPack()));
        assertEquals(0x02, p.readCntAddress());
        assertEquals(Duration.ofMillis(5), p.readTimeout());
        assertEquals(Duration.ofMillis(10), p.writeTimeout());
        assertEquals(0x3C, p.bits().auth0Disabled());
        p.capabilityContainer()[0] = 0;
        assertEquals("E1101200", HEX.formatHex(p.capabilityContainer()), "defensive copy");
        assertEquals(p, Ntag223Profile.defaults());
        Ntag223Profile slow = p.withTimeouts(Duration.ofMillis(50), Duration.ofMillis(100));
        assertNotEquals(p, slow);
        assertEquals(Duration.ofMillis(100), slow.writeTimeout());
        assertFalse(p.toString().contains("FFFFFFFF"), "no password in logs");
        assertThrows(IllegalArgumentException.class, () -> p.withTimeouts(Duration.ZERO, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> p.withReadCntAddress(0x100));
    }
}
