package com.tagline.station.ixkio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tagline.station.ixkio.AssociationExport.Association;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code xuid,uid} export for the ixkio Console's Associate Data upload (platform-api §2.2). */
class AssociationExportTest {
    @Test
    void writesTheHeaderAndOneLinePerChipWithUppercaseUids() {
        StringWriter out = new StringWriter();
        AssociationExport.write(List.of(new Association("X1", "04a1b2c3d4e5f6"), new Association("X,2", "04112233445566"),
                new Association("X\"3", "04AABBCCDDEEFF")), out);
        assertEquals("xuid,uid\nX1,04A1B2C3D4E5F6\n\"X,2\",04112233445566\n\"X\"\"3\",04AABBCCDDEEFF\n", out.toString());
    }

    @Test
    void anEmptyListIsTheHeaderOnly() {
        StringWriter out = new StringWriter();
        AssociationExport.write(List.of(), out);
        assertEquals("xuid,uid\n", out.toString());
    }

    @Test
    void badUidsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Association("X1", "04A1B"));
        assertThrows(IllegalArgumentException.class, () -> new Association("X1", "04ZZ"));
        assertThrows(IllegalArgumentException.class, () -> new Association("", "04A1"));
    }
}
