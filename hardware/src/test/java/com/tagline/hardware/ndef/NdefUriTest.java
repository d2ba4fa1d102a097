package com.tagline.hardware.ndef;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NFC Forum URI RTD abbreviation and short-record encoding. */
class NdefUriTest {
    @Test
    void abbreviatesTheLongestPrefix() {
        assertEquals(0x02, NdefUri.of("https://www.nxp.com").identifierCode());
        assertEquals(0x04, NdefUri.of("https://nxp.com").identifierCode());
        assertEquals(0x00, NdefUri.of("custom:thing").identifierCode());
    }

    @Test
    void encodesAShortRecord() {
        // Record header from AN12196 §5.8.2 T17: D1 01 4D 55 04 "choose.url.com/..."
        byte[] rec = NdefUri.of("https://ab").record();
        assertArrayEquals(HexFormat.of().parseHex("D1010355046162"), rec);
        assertEquals("https://ab", NdefUri.parse(rec).uri());
    }

    @Test
    void parseNamesBrokenRecords() {
        assertThrows(IllegalArgumentException.class, () -> NdefUri.parse(HexFormat.of().parseHex("D1010955046162")));
        assertThrows(IllegalArgumentException.class, () -> NdefUri.parse(HexFormat.of().parseHex("D2010355046162")));
    }
}
