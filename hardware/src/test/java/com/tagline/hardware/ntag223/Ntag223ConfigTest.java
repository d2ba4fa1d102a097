package com.tagline.hardware.ntag223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Decoding and changing CFG0 / CFG1 / key-lock bits (ntag223.md §3) while keeping opaque bits. */
class Ntag223ConfigTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static Ntag223Config config(String dynLock, String cfg0, String cfg1, String keyLock) {
        return config(dynLock, cfg0, cfg1, keyLock, ConfigBits.defaults());
    }

    private static Ntag223Config config(String dynLock, String cfg0, String cfg1, String keyLock, ConfigBits bits) {
        // FAST_READ 28h..2Dh: dynamic lock, CFG0, CFG1, PWD (00), PACK (00), key lock.
        byte[] pages = HEX.parseHex(dynLock + cfg0 + cfg1 + "00000000" + "00000000" + keyLock);
        return Ntag223Config.parse(pages, MemoryMap.ntag223(), bits);
    }

    @Test
    void decodesTheRealTagWithTamperDataVisible() {
        // ntag223.md §3 real-tag observation (223 SD): CFG0 80 3D 04 3C, CFG1 83 00 00 00 → tamper field shown.
        Ntag223Config c = config("00000000", "803D043C", "83000000", "00000000");
        assertTrue(c.mirrorEnabled());
        assertEquals(0, c.mirrorByte());
        assertEquals(4, c.mirrorPage());
        assertEquals(16, c.mirrorOffset());
        assertEquals(0x3D, c.ttByte());
        assertEquals(0x3C, c.auth0());
        assertFalse(c.passwordProtectionActive(0x3B));
        assertTrue(c.prot());
        assertTrue(c.tamperVisible());
        assertEquals(0, c.authLimit(), "AUTHLIM position unknown: not decoded by default");
        assertFalse(c.sunKeyLocked());
    }

    @Test
    void decodesTheRealTagWithTamperDataHidden() {
        // ntag223.md §3: CFG0 80 3C 04 3C, CFG1 80 00 00 00 → 0000000000.
        Ntag223Config c = config("00000000", "803C043C", "80000000", "80000000");
        assertFalse(c.tamperVisible());
        assertTrue(c.sunKeyLocked());
        assertFalse(c.configLocked());
        assertFalse(c.counterEnabled());
    }

    @Test
    void proxmarkMirrorByteThree() {
        // ntag223.md §6.4: 98h = MIRROR_EN | MIRROR_BYTE=3. With TT 3Dh but CFG_B1 80h the real tag still hid
        // the tamper data (Proxmark3 ntag22x_libsuncmac.py: …x0000000000x1A797B9096B03021).
        Ntag223Config c = config("00000000", "983D083C", "80000000", "00000000");
        assertFalse(c.tamperVisible());
        assertEquals(3, c.mirrorByte());
        assertEquals(8 * 4 + 3, c.mirrorOffset());
    }

    @Test
    void modifiedCopiesKeepEveryOtherBit() {
        Ntag223Config c = config("01020300", "653C1144", "22000000", "0F000000", ConfigBits.authLimitLikeNtag21x());
        Ntag223Config m = c.withMirror(true, 0x08, 3);
        assertEquals("FD3C0844", HEX.formatHex(m.cfg0()), "bits 0..2, 5, 6 of CFG_B0 kept (65h = 0110 0101b)");
        assertEquals("22000000", HEX.formatHex(m.cfg1()));
        assertEquals("653C1144", HEX.formatHex(c.cfg0()), "the original is unchanged");
        Ntag223Config off = m.withMirror(false, 0x08, 0);
        assertEquals("653C0844", HEX.formatHex(off.cfg0()));
        assertEquals("32000000", HEX.formatHex(c.withCounter(true).cfg1()));
        assertEquals("A2000000", HEX.formatHex(c.withProt(true).cfg1()));
        assertEquals("62000000", HEX.formatHex(c.withConfigLock().cfg1()));
        assertEquals("2A000000", HEX.formatHex(c.withCounterPasswordProtection(true).cfg1()));
        assertEquals("25000000", HEX.formatHex(c.withAuthLimit(5).cfg1()));
        assertEquals("653C1104", HEX.formatHex(c.withAuth0(0x04).cfg0()));
        assertEquals("8F000000", HEX.formatHex(c.withSunKeyLock().keyLock()));
        assertEquals("01020300", HEX.formatHex(c.withSunKeyLock().dynamicLock()));
    }

    @Test
    void tamperVisibilitySetsAndClearsBothGroups() {
        Ntag223Config c = config("00000000", "803C043C", "80000000", "00000000");
        Ntag223Config v = c.withTamperVisible(true);
        assertEquals("803D043C", HEX.formatHex(v.cfg0()));
        assertEquals("83000000", HEX.formatHex(v.cfg1()));
        assertTrue(v.tamperVisible());
        Ntag223Config h = v.withTamperVisible(false);
        assertEquals(c, h);
    }

    @Test
    void rejectsValuesThatDoNotFit() {
        Ntag223Config c = config("00000000", "00000000", "00000000", "00000000");
        assertThrows(IllegalArgumentException.class, () -> c.withAuthLimit(1), "no AUTHLIM bits by default");
        assertEquals(c, c.withAuthLimit(0));
        Ntag223Config n = config("00000000", "00000000", "00000000", "00000000", ConfigBits.authLimitLikeNtag21x());
        assertThrows(IllegalArgumentException.class, () -> n.withAuthLimit(8));
        assertEquals(7, n.withAuthLimit(7).authLimit());
        assertThrows(IllegalArgumentException.class, () -> c.withMirror(true, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> c.withAuth0(0x100));
        assertThrows(IllegalArgumentException.class,
                () -> Ntag223Config.parse(new byte[20], MemoryMap.ntag223(), ConfigBits.defaults()));
    }

    @Test
    void bitsAreConfigurable() {
        // [inferred] bits can move without code changes: here NFC_CNT_EN is assumed at bit 2 instead of bit 4.
        ConfigBits d = ConfigBits.defaults();
        ConfigBits moved = new ConfigBits(d.mirrorEnable(), d.mirrorByteShift(), d.prot(), d.configLock(), 0x04,
                d.counterPasswordProtect(), 0x03, d.sunKeyLock(), d.tamperVisibleCfg0(), 0x00, d.auth0Disabled());
        Ntag223Config c = Ntag223Config.parse(new byte[24], MemoryMap.ntag223(), moved).withCounter(true);
        assertEquals("04000000", HEX.formatHex(c.cfg1()));
        assertThrows(IllegalArgumentException.class, () -> new ConfigBits(0x08, 3, 0x80, 0x40, 0x10, 0x08, 0x00, 0x80,
                0x01, 0x03, 0x3C), "MIRROR_EN overlapping MIRROR_BYTE");
        assertThrows(IllegalArgumentException.class, () -> new ConfigBits(0x80, 3, 0x80, 0x40, 0x10, 0x08, 0x07, 0x80,
                0x01, 0x03, 0x3C), "AUTHLIM overlapping the tamper-visibility bits");
    }
}
