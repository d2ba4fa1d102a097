package com.tagline.hardware.ntag223.sun;

import com.tagline.hardware.ndef.UrlDoesNotFitException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.ntag223.ConfigBits;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.NdefTlv;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Variant;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** User-memory image, mirror offsets and size limits for SUN URLs (ntag223.md §6.1, §6.4). */
class MirrorLayoutTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final MemoryMap MAP = MemoryMap.ntag223();
    private static final MirrorTemplate UID_TEMPLATE = new MirrorTemplate("uid={sun}");

    @Test
    void reproducesTheProxmarkTemplateForStatusDetect() {
        // ntag223.md §6.4 (Proxmark3 --format on a real 223 SD): A2 04 03 42 D1 01, A2 05 3E 55 01 66, "oo.b",
        // "ar?u", "id=" then the mirror at page 8 byte 3; CFG0 98 3D 08 3C.
        MirrorLayout l = MirrorLayout.build("http://www.foo.bar", UID_TEMPLATE, Ntag223Variant.STATUS_DETECT, MAP);
        String image = HEX.formatHex(l.userImage());
        assertTrue(image.startsWith("0342D101" + "3E550166" + "6F6F2E62" + "61723F75" + "69643D"), image);
        assertEquals(8, l.mirrorPage());
        assertEquals(3, l.mirrorByte());
        assertEquals(35, l.messageOffset());
        assertEquals("30".repeat(49) + "FE", image.substring(38, 38 + 100));
        assertEquals(0, l.userImage().length % 4);
        assertEquals("http://www.foo.bar?uid=" + "0".repeat(49), l.url());
        assertEquals("uid", l.parameterName());
        Ntag223Config cfg = new Ntag223Config(new byte[4], HEX.parseHex("003D003C"), HEX.parseHex("80000000"),
                new byte[4], ConfigBits.defaults());
        assertEquals("983D083C", HEX.formatHex(l.configure(cfg).cfg0()));
    }

    @Test
    void plainVariantUses38Characters() {
        // ntag223.md §6.4: for non-SD the payload length is prefix(1) + text + 38.
        MirrorLayout l = MirrorLayout.build("http://www.foo.bar", UID_TEMPLATE, Ntag223Variant.PLAIN, MAP);
        assertTrue(HEX.formatHex(l.userImage()).startsWith("0337D101" + "33550166"));
        assertEquals(0x33, l.ndefMessage()[2] & 0xFF);
        assertEquals(38, l.messageLength());
        assertEquals(8, l.firstMessagePage());
        assertEquals((35 + 37) / 4, l.lastMessagePage());
        assertEquals(l.ndefMessage().length + 3, trimmedLength(l.userImage()));
    }

    @Test
    void defaultTemplateAppendsToTheQuery() {
        MirrorLayout a = MirrorLayout.build("https://t.example/p", MirrorTemplate.defaults(), Ntag223Variant.PLAIN,
                MAP);
        assertEquals("https://t.example/p?sun=" + "0".repeat(38), a.url());
        assertEquals("sun", a.parameterName());
        MirrorLayout b = MirrorLayout.build("https://t.example/p?id=7", MirrorTemplate.defaults(), Ntag223Variant.PLAIN,
                MAP);
        assertEquals("https://t.example/p?id=7&sun=" + "0".repeat(38), b.url());
        // Offset = user start 16 + TLV header 2 + record header 5 + "t.example/p?id=7&sun=" (prefix 04 "https://").
        assertEquals(16 + 2 + 5 + "t.example/p?id=7&sun=".length(), b.messageOffset());
    }

    @Test
    void placeholderInThePathIsUsedAsItIs() {
        MirrorLayout l = MirrorLayout.build("https://t.example/{sun}/x", MirrorTemplate.defaults(),
                Ntag223Variant.PLAIN, MAP);
        assertEquals("https://t.example/" + "0".repeat(38) + "/x", l.url());
        assertNull(l.parameterName());
        SunMessage m = SunMessage.parse("04AA2BD2335780x000001xB188AC6F69140B92");
        assertEquals("https://t.example/04AA2BD2335780x000001xB188AC6F69140B92/x", l.urlWith(m));
    }

    @Test
    void urlWithAndOffsetsCountUtf8Bytes() {
        MirrorLayout l = MirrorLayout.build("https://t.example/büro", MirrorTemplate.defaults(), Ntag223Variant.PLAIN,
                MAP);
        assertEquals(16 + 2 + 5 + "t.example/büro?sun=".getBytes(StandardCharsets.UTF_8).length, l.messageOffset());
        SunMessage m = SunMessage.parse("04AA2BD2335780x000001xB188AC6F69140B92");
        assertEquals("https://t.example/büro?sun=04AA2BD2335780x000001xB188AC6F69140B92", l.urlWith(m));
        byte[] read = l.userImage();
        byte[] text = m.text().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, read, l.messageOffset() - 16, text.length);
        assertEquals(m.text(), l.extractMessage(read, MAP.userStart()));
        assertTrue(l.matchesIgnoringMirror(read));
    }

    @Test
    void matchingIgnoresOnlyTheMessageArea() {
        MirrorLayout l = MirrorLayout.build("https://t.example/p", MirrorTemplate.defaults(), Ntag223Variant.PLAIN,
                MAP);
        byte[] memory = Arrays.copyOf(l.userImage(), MAP.userBytes());
        assertTrue(l.matchesIgnoringMirror(memory));
        memory[l.messageOffset() - 16] = 'F';
        assertTrue(l.matchesIgnoringMirror(memory));
        memory[5] ^= 1;
        assertFalse(l.matchesIgnoringMirror(memory));
        assertFalse(l.matchesIgnoringMirror(new byte[8]));
        assertEquals(NdefTlv.decode(l.userImage()).orElseThrow().length, l.ndefMessage().length);
    }

    @Test
    void urlThatJustFitsIsAcceptedAndOneMoreByteIsNot() {
        // Needed = TLV header 2 + record header 5 + stored text + terminator 1; user memory 144 bytes.
        String fits = "https://" + "a".repeat(93); // stored: 93 + "?sun=" 5 + 38 = 136 → 144 bytes
        MirrorLayout l = MirrorLayout.build(fits, MirrorTemplate.defaults(), Ntag223Variant.PLAIN, MAP);
        assertEquals(144, l.userImage().length);
        assertEquals((byte) 0xFE, l.userImage()[143]);
        UrlDoesNotFitException e = assertThrows(UrlDoesNotFitException.class,
                () -> MirrorLayout.build("https://" + "a".repeat(94), MirrorTemplate.defaults(), Ntag223Variant.PLAIN,
                        MAP));
        assertEquals(145, e.needed());
        assertEquals(144, e.available());
        assertTrue(e.getMessage().contains("needs 145 bytes") && e.getMessage().contains("only 144"), e.getMessage());
        UrlDoesNotFitException sd = assertThrows(UrlDoesNotFitException.class,
                () -> MirrorLayout.build(fits, MirrorTemplate.defaults(), Ntag223Variant.STATUS_DETECT, MAP));
        assertEquals(155, sd.needed());
    }

    @Test
    void templatesNeedExactlyOneKnownPlaceholder() {
        assertThrows(IllegalArgumentException.class, () -> new MirrorTemplate("sun={sun}&again={sun}"));
        assertThrows(IllegalArgumentException.class, () -> new MirrorTemplate("m={mac}"));
        assertThrows(IllegalArgumentException.class, () -> new MirrorTemplate("nothing"));
        assertThrows(IllegalArgumentException.class, () -> MirrorLayout.build("https://a/{sun}{sun}",
                MirrorTemplate.defaults(), Ntag223Variant.PLAIN, MAP));
        assertThrows(IllegalArgumentException.class, () -> MirrorLayout.build("https://a/{picc}",
                MirrorTemplate.defaults(), Ntag223Variant.PLAIN, MAP));
        MirrorLayout l = MirrorLayout.build("https://a.example", MirrorTemplate.defaults(), Ntag223Variant.PLAIN, MAP);
        assertThrows(IllegalArgumentException.class, () -> l.urlWith(
                SunMessage.parse("046910EA841390x000000xCO00000000x146F1F74FFB89569")));
        assertThrows(IllegalArgumentException.class, () -> l.extractMessage(new byte[16], MAP.userStart()));
    }

    private static int trimmedLength(byte[] image) {
        int n = image.length;
        while (n > 0 && image[n - 1] == 0) {
            n--;
        }
        return n;
    }
}
