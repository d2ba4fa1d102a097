package com.tagline.hardware.ntag424.sdm;

import com.tagline.hardware.ndef.UrlDoesNotFitException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.ntag424.SdmSettings;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NDEF content and SDM offsets computed from a URL and a template. */
class SunLayoutTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void reproducesTheAn12196NdefAndOffsets() {
        // AN12196 rev 2.0 §5.8.2 T17 NDEF bytes and §5.9 T18 offsets: PICCData at 0x20, MAC input and MAC at 0x43.
        SunLayout layout = SunLayout.build("https://choose.url.com/ntag424?e={picc}&c={mac}",
                new SunTemplate("e={picc}&c={mac}", 2, 1), null, 256);
        byte[] expected = HEX.parseHex("0051D1014D550463686F6F73652E75726C2E636F6D2F6E7461673432343F653D"
                + "30".repeat(32) + "26633D" + "30".repeat(16));
        assertArrayEquals(expected, layout.ndefFile());
        SdmSettings s = layout.sdm();
        assertEquals(0x20, s.piccDataOffset());
        assertEquals(0x43, s.macInputOffset());
        assertEquals(0x43, s.macOffset());
        assertEquals(2, s.metaRead());
        assertEquals(1, s.fileRead());
    }

    @Test
    void appendsTheDefaultTemplateToAPlainUrl() {
        SunLayout layout = SunLayout.build("https://zannatherapeutics.com/verify/lonafen/8a3f9c2b",
                SunTemplate.defaults(), null, 256);
        assertEquals("https://zannatherapeutics.com/verify/lonafen/8a3f9c2b?picc_data=" + "0".repeat(32) + "&cmac="
                + "0".repeat(16), layout.url());
        String text = new String(layout.ndefFile(), java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(text.indexOf("picc_data=") + "picc_data=".length(), layout.sdm().piccDataOffset());
        assertEquals(text.indexOf("cmac=") + "cmac=".length(), layout.sdm().macOffset());
    }

    @Test
    void encTemplateStartsTheMacInputAtTheEncValue() {
        SunLayout layout = SunLayout.build("https://a.example/t",
                new SunTemplate("picc_data={picc}&enc={enc}&cmac={mac}", 1, 2), "hello", 256);
        SdmSettings s = layout.sdm();
        assertTrue(s.encPresent());
        assertEquals(s.encOffset(), s.macInputOffset());
        assertEquals(32, s.encLength());
        byte[] file = layout.ndefFile();
        assertEquals("hello" + "0".repeat(27), new String(Arrays.copyOfRange(file, s.encOffset(), s.encOffset() + 32),
                java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void plainMirrorsUseMetaReadFree() {
        SunLayout layout = SunLayout.build("https://a.example/t", new SunTemplate("uid={uid}&ctr={ctr}&cmac={mac}", 1, 2),
                null, 256);
        assertEquals(0xE, layout.sdm().metaRead());
        assertTrue(layout.sdm().uidOffsetPresent());
        assertTrue(layout.sdm().readCtrOffsetPresent());
    }

    @Test
    void longestUrlThatFitsAndOneMore() {
        // 256-byte file: NLEN 2 + record header 5 leaves 249 bytes of URI text (ntag424.md §12).
        String base = "https://";
        int sunText = "?picc_data=".length() + 32 + "&cmac=".length() + 16;
        String fits = base + "a".repeat(249 - sunText);
        assertEquals(256, SunLayout.build(fits, SunTemplate.defaults(), null, 256).ndefFile().length);
        UrlDoesNotFitException e = assertThrows(UrlDoesNotFitException.class,
                () -> SunLayout.build(fits + "a", SunTemplate.defaults(), null, 256));
        assertEquals(257, e.needed());
        assertEquals(256, e.available());
    }

    @Test
    void rejectsBadTemplates() {
        assertThrows(IllegalArgumentException.class, () -> new SunTemplate("picc={picc}", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> new SunTemplate("p={picc}&x={foo}&c={mac}", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> SunLayout.build("https://a/t",
                new SunTemplate("p={picc}&u={uid}&c={mac}", 1, 2), null, 256));
        assertThrows(IllegalArgumentException.class, () -> SunLayout.build("https://a/t",
                new SunTemplate("u={uid}&e={enc}&c={mac}", 1, 2), null, 256), "ENC needs UID and counter");
    }

    @Test
    void theRecordReadBackMatchesWhateverTheMirrorsHoldButNotAnotherUrl() {
        // AN12196 rev 2.0 §5.8.2 T17 layout; the mirror values are those of the §5.9 SUN example URL.
        SunLayout layout = SunLayout.build("https://choose.url.com/ntag424?e={picc}&c={mac}",
                new SunTemplate("e={picc}&c={mac}", 2, 1), null, 256);
        byte[] readBack = HEX.parseHex("0051D1014D550463686F6F73652E75726C2E636F6D2F6E7461673432343F653D"
                + HEX.formatHex("EF963FF7828658A599F3041510671E88".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                + "26633D" + HEX.formatHex("94EED9EE65337086".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertTrue(layout.holdsThisRecord(readBack), "only the mirrors differ");
        SunLayout other = SunLayout.build("https://choose.url.com/ntag425?e={picc}&c={mac}",
                new SunTemplate("e={picc}&c={mac}", 2, 1), null, 256);
        assertEquals(layout.sdm(), other.sdm(), "same length, same SDM settings");
        assertTrue(!other.holdsThisRecord(readBack), "another URL is told apart");
        assertTrue(!layout.holdsThisRecord(Arrays.copyOf(readBack, 20)), "a short read is not the record");
    }
}
