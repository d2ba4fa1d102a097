package com.tagline.hardware.ntag223;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.ntag223.sun.MirrorLayout;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag223.sun.SunMessage;
import com.tagline.hardware.ntag223.sun.SunMirror;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Page-level operations of a personalization (ntag223.md §7) as exact frame transcripts. */
class Ntag223MemoryTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String CONFIG_READ = "3A282D";

    private final ScriptedType2Link link = new ScriptedType2Link("048A0FEA841390");
    private final Ntag223Memory memory = new Ntag223Memory(new Ntag223(link));

    @Test
    void writesTheSunKeyReversedPageByPage() {
        // ntag223.md §6.3 illustration with K = 000102…0F.
        link.expectAck("A2340F0E0D0C").expectAck("A2350B0A0908").expectAck("A23607060504").expectAck("A23703020100");
        new SunMirror(memory).writeKey(HEX.parseHex("000102030405060708090A0B0C0D0E0F"));
        link.assertDone();
    }

    @Test
    void writesTheProxmarkTemplateAndEnablesTheMirror() {
        // ntag223.md §6.4: A2 04 03 42 D1 01 … A2 08 69 64 3D 00 (mirror area pre-filled with '0' here),
        // then CFG0 98 3C 08 3C and CFG1 80 00 00 00 from a chip reading CFG0 00 3D 00 3C, CFG1 80 00 00 00:
        // Proxmark3 kept TT 3Dh, hidden anyway with CFG_B1 80h; the host clears both visibility groups.
        MirrorLayout l = MirrorLayout.build("http://www.foo.bar", new MirrorTemplate("uid={sun}"),
                Ntag223Variant.STATUS_DETECT, MemoryMap.ntag223());
        link.expectAck("A2040342D101").expectAck("A2053E550166").expectAck("A2066F6F2E62").expectAck("A20761723F75")
                .expectAck("A20869643D30");
        for (int p = 9; p <= 0x15; p++) {
            link.expectAck(String.format("A2%02X", p) + (p == 0x15 ? "FE000000" : "30303030"));
        }
        link.expect(CONFIG_READ, "00000000" + "003D003C" + "80000000" + "00".repeat(8) + "00000000");
        link.expectAck("A229983C083C").expectAck("A22A80000000");
        memory.writeUserMemory(l.userImage());
        Ntag223Config after = new SunMirror(memory).enable(l, false, false);
        assertTrue(after.mirrorEnabled());
        link.assertDone();
    }

    @Test
    void enablingCounterAndTamperSetsTheirBits() {
        MirrorLayout l = MirrorLayout.build("http://www.foo.bar", new MirrorTemplate("uid={sun}"),
                Ntag223Variant.STATUS_DETECT, MemoryMap.ntag223());
        link.expect(CONFIG_READ, "00000000" + "003C003C" + "00000000" + "00".repeat(8) + "00000000");
        link.expectAck("A229983D083C").expectAck("A22A13000000");
        new SunMirror(memory).enable(l, true, true);
        link.assertDone();
    }

    @Test
    void locksTheKeyKeepingOtherBitsAndOnlyOnce() {
        link.expect(CONFIG_READ, "00".repeat(4) + "803C043C" + "80000000" + "00".repeat(8) + "01000000");
        link.expectAck("A22D81000000");
        assertTrue(memory.lockSunKey().sunKeyLocked());
        link.expect(CONFIG_READ, "00".repeat(4) + "803C043C" + "80000000" + "00".repeat(8) + "81000000");
        assertTrue(memory.lockSunKey().sunKeyLocked(), "no second write");
        link.assertDone();
    }

    @Test
    void passwordThenProtectionWithAuth0Last() {
        // ntag223.md §7 step 8: PWD, PACK, then CFG1 (PROT) and AUTH0 in CFG0 last.
        link.expectAck("A22B11223344").expectAck("A22CAABB0000");
        link.expect(CONFIG_READ, "00".repeat(4) + "983D083C" + "13000000" + "00".repeat(8) + "80000000");
        link.expectAck("A22A93000000").expectAck("A229983D0829");
        memory.writePassword(HEX.parseHex("11223344"), HEX.parseHex("AABB"));
        Ntag223Config c = memory.protect(0x29, true, 0);
        assertEquals(0x29, c.auth0());
        assertTrue(c.prot());
        link.assertDone();
        assertThrows(IllegalArgumentException.class, () -> memory.writePassword(new byte[4], new byte[4]));
    }

    @Test
    void readsHeaderAndWritesTheCapabilityContainerOnlyWhenMissing() {
        link.expect("3000", "048A0F09EA841390ED48000000000000");
        link.expectAck("A203E1101200");
        link.expect("3000", "048A0F09EA841390ED480000E1101200");
        assertTrue(memory.ensureCapabilityContainer());
        assertFalse(memory.ensureCapabilityContainer());
        link.assertDone();
        Ntag223Header h = new Ntag223Header(HEX.parseHex("048A0F09EA841390ED480000E1101200"));
        assertEquals("048A0FEA841390", HEX.formatHex(h.uid()));
        assertTrue(h.checkBytesValid(), "BCC0 = 88⊕04⊕8A⊕0F = 09, BCC1 = EA⊕84⊕13⊕90 = ED");
    }

    @Test
    void readsTheSunMessageFromItsPages() {
        // Real 223 SD transcript (Proxmark3 ntag22x_libsuncmac.py): mirror at page 8 byte 3, NIST key.
        MirrorLayout l = MirrorLayout.build("http://www.foo.bar", new MirrorTemplate("uid={sun}"),
                Ntag223Variant.STATUS_DETECT, MemoryMap.ntag223());
        String text = "048A0FEA841390x000000x0000000000x1A797B9096B03021";
        String pages = "69643D" + HEX.formatHex(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        link.expect("3A0814", pages);
        SunMessage m = new SunMirror(memory).readMessage(l);
        assertEquals(text, m.text());
        link.assertDone();
    }

    @Test
    void readsTheNdefMessageAndLockBits() {
        link.expect("3A0427", "0300FE00" + "00".repeat(140));
        assertArrayEquals(new byte[0], memory.readNdefMessage().orElseThrow());
        link.expectAck("A20200000800").expectAck("A22801000000");
        memory.setStaticLockBits(0x08, 0x00);
        memory.setDynamicLockBits(0x01, 0x00, 0x00);
        link.assertDone();
        assertThrows(IllegalArgumentException.class, () -> memory.writeUserMemory(new byte[148]));
        assertThrows(IllegalArgumentException.class, () -> memory.writePages(4, new byte[3]));
    }
}
