package com.tagline.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ChipProtocol;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChipSpecTest {
    @Test
    void parsesKindAndUid() {
        ChipSpec c = ChipSpec.parse("ntag_424_dna:04a1b2c3d4e5f6");
        assertEquals(ChipProtocol.NTAG_424_DNA, c.kind());
        assertArrayEquals(HexFormat.of().parseHex("04A1B2C3D4E5F6"), c.uid());
        assertEquals("ntag_424_dna:04A1B2C3D4E5F6", c.toString());
        assertEquals(ChipProtocol.NTAG_223_DNA, ChipSpec.parse("NTAG_223_DNA:04A1B2C3D4E5F6").kind());
    }

    @Test
    void rejectsBadInputWithAClearMessage() {
        assertMessage("ntag_424_dna:04A1B2C3D4E5", "UID must be 7 bytes (14 hex digits), got 6");
        assertMessage("ntag_424_dna:04A1B2C3D4E5F", "not an even number of hex digits");
        assertMessage("ntag_424_dna:04A1B2C3D4E5FG", "not an even number of hex digits");
        assertMessage("ntag_424_dna:", "not an even number of hex digits");
        assertMessage("ntag_213:04A1B2C3D4E5F6", "unknown chip kind 'ntag_213'");
        assertMessage("04A1B2C3D4E5F6", "expected KIND:UIDHEX");
    }

    private static void assertMessage(String text, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChipSpec.parse(text));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
