package com.tagline.hardware.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ISO/IEC 9797-1 padding method 2 as CommMode.Full uses it (ntag424.md §3.5). */
class Iso9797PaddingTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void alignedInputGetsAFullExtraBlock() {
        // ntag424.md §3.5: "a full extra block when already aligned (AN12196 WriteData of 128 B → 144 B ciphertext)".
        byte[] sixteen = new byte[16];
        Arrays.fill(sixteen, (byte) 0x11);
        byte[] padded = Iso9797Padding.pad(sixteen);
        assertEquals(32, padded.length);
        assertArrayEquals(sixteen, Arrays.copyOf(padded, 16));
        assertEquals((byte) 0x80, padded[16]);
        for (int i = 17; i < 32; i++) {
            assertEquals(0, padded[i]);
        }
        assertEquals(144, Iso9797Padding.pad(new byte[128]).length);
    }

    @Test
    void emptyAndPartialInputs() {
        assertArrayEquals(HEX.parseHex("80000000000000000000000000000000"), Iso9797Padding.pad(new byte[0]));
        // AN12196 rev 2.0 §5.9 T18 (vector E): the 15-byte settings pad to one block.
        byte[] settings = HEX.parseHex("4000E0C1F121200000430000430000");
        assertArrayEquals(HEX.parseHex("4000E0C1F12120000043000043000080"), Iso9797Padding.pad(settings));
        // AN12196 rev 2.0 §5.16.1 T25 (vector H case 1): 21-byte keydata + 80 + 00×10.
        byte[] keydata = HEX.parseHex("F3847D627727ED3BC9C4CC050489B96601789DFADC");
        assertArrayEquals(HEX.parseHex("F3847D627727ED3BC9C4CC050489B96601789DFADC8000000000000000000000"),
                Iso9797Padding.pad(keydata));
    }

    @Test
    void unpadGetCardUidPlaintext() {
        // AN12196 rev 2.0 §6.3 T28 (vector I): plaintext 04958CAA5C5E80 80 00×8 → UID 04958CAA5C5E80.
        Optional<byte[]> uid = Iso9797Padding.unpad(HEX.parseHex("04958CAA5C5E80800000000000000000"));
        assertTrue(uid.isPresent());
        assertArrayEquals(HEX.parseHex("04958CAA5C5E80"), uid.get());
    }

    @Test
    void unpadRoundTrips() {
        for (int n = 0; n <= 48; n++) {
            byte[] data = new byte[n];
            for (int i = 0; i < n; i++) {
                data[i] = (byte) (i == n - 1 ? 0x80 : i); // trailing 80 in the data itself must survive
            }
            Optional<byte[]> back = Iso9797Padding.unpad(Iso9797Padding.pad(data));
            assertTrue(back.isPresent(), "length " + n);
            assertArrayEquals(data, back.get(), "length " + n);
        }
    }

    @Test
    void unpadOfMalformedPaddingIsEmpty() {
        // No 80 marker at all.
        assertTrue(Iso9797Padding.unpad(new byte[16]).isEmpty());
        // A non-zero byte after the last 80.
        assertTrue(Iso9797Padding.unpad(HEX.parseHex("04958CAA5C5E80800000000000000001")).isEmpty());
        // Last byte neither 00 nor 80.
        assertTrue(Iso9797Padding.unpad(HEX.parseHex("0102030405060708090A0B0C0D0E0F10")).isEmpty());
        // The marker lies more than one block before the end: padding is at most 16 bytes.
        byte[] tooLong = new byte[32];
        tooLong[15] = (byte) 0x80;
        assertTrue(Iso9797Padding.unpad(tooLong).isEmpty());
        // Empty input.
        assertTrue(Iso9797Padding.unpad(new byte[0]).isEmpty());
    }
}
