package com.tagline.hardware.ntag223;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.ndef.NdefUri;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Type 2 Tag TLVs and capability container (NFC Forum T2T §2.3–§2.4). */
class NdefTlvTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    static byte[] h(String hex) {
        return HEX.parseHex(hex.replaceAll("\\s+", ""));
    }

    @Test
    void shortMessageRoundTripsThroughUserMemory() {
        byte[] record = NdefUri.of("https://t.example/a").record();
        byte[] image = NdefTlv.image(record, 144);
        assertEquals("03" + String.format("%02X", record.length) + HEX.formatHex(record) + "FE",
                HEX.formatHex(image).substring(0, 2 * (record.length + 3)));
        assertEquals(0, image.length % 4);
        byte[] memory = Arrays.copyOf(image, 144);
        assertArrayEquals(record, NdefTlv.decode(memory).orElseThrow());
        assertEquals("https://t.example/a", NdefUri.parse(NdefTlv.decode(memory).orElseThrow()).uri());
    }

    @Test
    void longMessageUsesTheThreeByteLengthForm() {
        byte[] message = new byte[300];
        Arrays.fill(message, (byte) 0x41);
        byte[] tlv = NdefTlv.encode(message);
        assertEquals("03FF012C", HEX.formatHex(tlv, 0, 4));
        assertEquals((byte) 0xFE, tlv[tlv.length - 1]);
        assertEquals(4, NdefTlv.headerLength(255));
        assertEquals(2, NdefTlv.headerLength(254));
        assertArrayEquals(message, NdefTlv.decode(tlv).orElseThrow());
    }

    @Test
    void emptyNdefAndBlankMemory() {
        // NTAG21x delivery content 03 00 FE: an empty NDEF message (T2T §2.4.3).
        assertArrayEquals(new byte[0], NdefTlv.decode(h("0300FE00")).orElseThrow());
        assertTrue(NdefTlv.decode(new byte[144]).isEmpty(), "all NULL TLVs");
        assertTrue(NdefTlv.decode(h("FE000000")).isEmpty(), "terminator first");
    }

    @Test
    void skipsNullLockControlMemoryControlAndProprietaryTlvs() {
        byte[] memory = h("00 00 0103A01044 0203F0020F FD0155 0303D10100 FE");
        assertEquals("D10100", HEX.formatHex(NdefTlv.decode(memory).orElseThrow()));
    }

    @Test
    void truncatedTlvsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NdefTlv.decode(h("0310D101")));
        assertThrows(IllegalArgumentException.class, () -> NdefTlv.decode(h("03")));
        assertThrows(IllegalArgumentException.class, () -> NdefTlv.decode(h("03FF01")));
    }

    @Test
    void imageLargerThanUserMemoryIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> NdefTlv.image(new byte[142], 144));
        assertEquals(144, NdefTlv.image(new byte[141], 144).length);
    }

    @Test
    void capabilityContainerForNtag223() {
        // ntag223.md §2.1: E1 10 12 00 (12h × 8 = 144 bytes) [inferred]; read-only access 0Fh.
        assertEquals("E1101200", HEX.formatHex(NdefTlv.capabilityContainer(144, false)));
        assertEquals("E110120F", HEX.formatHex(NdefTlv.capabilityContainer(144, true)));
        assertArrayEquals(Ntag223Profile.defaults().capabilityContainer(), NdefTlv.capabilityContainer(
                MemoryMap.ntag223().userBytes(), false));
        assertThrows(IllegalArgumentException.class, () -> NdefTlv.capabilityContainer(100, false));
    }
}
