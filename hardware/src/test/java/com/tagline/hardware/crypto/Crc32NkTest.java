package com.tagline.hardware.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** CRC32NK of ChangeKey (ntag424.md §3.8, §4 H). */
class Crc32NkTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NEW_KEY = HEX.parseHex("F3847D627727ED3BC9C4CC050489B966");

    @Test
    void changeKeyCase1NewKey() {
        // AN12196 rev 2.0 §5.16.1 T25 (vector H case 1), transcribed in atknatk/tappa changekey_test.go:
        // CRC32NK(F3847D627727ED3BC9C4CC050489B966) = 789DFADC (LSB first).
        assertArrayEquals(HEX.parseHex("789DFADC"), Crc32Nk.of(NEW_KEY));
    }

    @Test
    void ieeeCrcIsThePitfall() {
        // ntag424.md §4 H "CRC pitfall": IEEE CRC-32 of the new key = 0x23056287 → LE 87620523 is WRONG;
        // JAMCRC = 0xDCFA9D78 → LE 789DFADC is right.
        CRC32 ieee = new CRC32();
        ieee.update(NEW_KEY);
        assertEquals(0x23056287L, ieee.getValue());
        byte[] ieeeLe = HEX.parseHex("87620523");
        assertFalse(Arrays.equals(ieeeLe, Crc32Nk.of(NEW_KEY)));
        assertEquals(0xDCFA9D78L, ~ieee.getValue() & 0xFFFFFFFFL);
    }

    @Test
    void emptyInputIsTheInitialRegister() {
        // CRC-32 without final XOR of nothing is the initial value FFFFFFFF.
        assertArrayEquals(HEX.parseHex("FFFFFFFF"), Crc32Nk.of(new byte[0]));
    }
}
