package com.tagline.simulator.platform.ixkio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tag-code seed CSV: its format and every error naming the line. */
class TagCodeSeedTest {
    private static List<TagCodeSeed> read(String csv) {
        return TagCodeSeed.read(new StringReader(csv));
    }

    private static void assertError(int line, String text, String csv) {
        SeedFileException e = assertThrows(SeedFileException.class, () -> read(csv));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void readsColumnsInAnyOrderWithQuotesAndOptionalUid() {
        List<TagCodeSeed> seeds = read("url,xuid,cuid\n\"https://g.example/a,b\",X1,C1\n\n,X2,\n");
        assertEquals(List.of(new TagCodeSeed("X1", "C1", "", "https://g.example/a,b"),
                new TagCodeSeed("X2", "", "", "")), seeds);
        assertEquals("04A1B2C3D4E5F6", read("xuid,cuid,url,uid\nX1,,,04a1b2c3d4e5f6\n").get(0).uid());
    }

    @Test
    void headerErrors() {
        assertError(1, "empty file", "");
        assertError(1, "missing column 'url'", "xuid,cuid\nX1,C1\n");
        assertError(1, "unknown column 'colour'", "xuid,cuid,url,colour\n");
        assertError(1, "appears twice", "xuid,cuid,url,xuid\n");
    }

    @Test
    void rowErrorsNameTheirLine() {
        assertError(3, "has 2 fields", "xuid,cuid,url\nX1,C1,u\nX2,C2\n");
        assertError(2, "xuid is empty", "xuid,cuid,url\n,C1,u\n");
        assertError(3, "duplicate xuid 'X1'", "xuid,cuid,url\nX1,C1,u\nX1,C2,u\n");
        assertError(3, "duplicate cuid 'C1'", "xuid,cuid,url\nX1,C1,u\nX2,C1,u\n");
        assertError(3, "duplicate uid", "xuid,cuid,url,uid\nX1,,u,0411\nX2,,u,0411\n");
        assertError(2, "not whole bytes of hex", "xuid,cuid,url,uid\nX1,,u,04G1\n");
    }

    @Test
    void malformedCsvNamesTheLine() {
        assertError(3, "malformed CSV", "xuid,cuid,url\nX1,C1,u\nX2,\"C2,u\n");
    }
}
