package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Reason;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-manifest}, {@code export-associations} and {@code simulate --platform ixkio}, in-process. */
class IxkioCommandsTest {
    private static final String MANIFEST = "xuid,url,protocol,ix_dr\n"
            + "X1,https://t.example/1,ntag_424_dna,https://own.example/1\n"
            + "X2,https://t.example/2,ntag_223_dna,\n";

    @TempDir
    Path dir;

    @Test
    void importsACleanManifestAndExportsTheConfiguredChips() throws Exception {
        Path file = Files.writeString(dir.resolve("batch.csv"), MANIFEST);
        Path data = dir.resolve("data");
        CliRunner imported = CliRunner.run("import-manifest", file.toString(), "--data-dir", data.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("imported 2 rows from batch.csv"), imported.out());
        CliRunner twice = CliRunner.run("import-manifest", file.toString(), "--data-dir", data.toString());
        assertEquals(0, twice.exit(), twice.err());
        assertTrue(twice.out().startsWith("batch.csv: already imported, 0 new rows (2 of its rows were imported"
                + " before;"), twice.out());
        try (Store s = Store.open(StoreConfig.of(data.resolve("station.db"), "t").withMinFreeBytes(0))) {
            long a = s.beginAttempt("X2", "04a1b2c3d4e5f6", ChipProtocol.NTAG_223_DNA);
            s.completeAttempt(a, Outcome.CONFIGURED, Reason.CONFIGURED, "", 1);
        }
        CliRunner out = CliRunner.run("export-associations", "--data-dir", data.toString());
        assertEquals(0, out.exit(), out.err());
        assertEquals("xuid,uid\nX2,04A1B2C3D4E5F6\n", out.out());
        Path csv = dir.resolve("assoc.csv");
        CliRunner toFile = CliRunner.run("export-associations", "--data-dir", data.toString(), "--out", csv.toString());
        assertEquals(0, toFile.exit(), toFile.err());
        assertEquals("xuid,uid\nX2,04A1B2C3D4E5F6\n", Files.readString(csv));

        CliRunner again = CliRunner.run("import-manifest", file.toString(), "--data-dir", data.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("batch.csv: line 3, xuid: tag code X2 is already configured"), again.err());
    }

    @Test
    void aManifestWithErrorsPrintsOnePerLineAndImportsNothing() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), MANIFEST + "X3,notaurl,,\nX1,https://t.example/9,,\n");
        Path data = dir.resolve("data");
        CliRunner r = CliRunner.run("import-manifest", file.toString(), "--data-dir", data.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("bad.csv: line 4, url: "), r.err());
        assertTrue(r.err().contains("bad.csv: line 5, xuid: duplicate of line 2"), r.err());
        assertTrue(r.err().contains("nothing imported"), r.err());
        CliRunner out = CliRunner.run("export-associations", "--data-dir", data.toString());
        assertEquals("xuid,uid\n", out.out());
        try (Store s = Store.open(StoreConfig.of(data.resolve("station.db"), "t").withMinFreeBytes(0))) {
            assertEquals(0, s.manifestJobs().count());
        }
    }

    /** Issue 12, wrong set-up: a byte-order mark, a byte that is not UTF-8, a runaway field. */
    @Test
    void aManifestFromASpreadsheetIsReadAndBadBytesOrRunawayFieldsAreNamedByLine() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = MANIFEST.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path excel = Files.write(dir.resolve("excel.csv"), withBom);
        CliRunner ok = CliRunner.run("import-manifest", excel.toString(), "--data-dir", dir.resolve("a").toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("imported 2 rows"), ok.out());

        Path latin1 = Files.write(dir.resolve("latin1.csv"), (MANIFEST + "X3,https://t.example/caf\u00e9,,\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRunner bad = CliRunner.run("import-manifest", latin1.toString(), "--data-dir", dir.resolve("b").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("latin1.csv: line 4, (csv): not UTF-8 text"), bad.err());

        Path huge = Files.writeString(dir.resolve("huge.csv"), MANIFEST + "X".repeat(5_000_000) + ",https://t.example/3,,\n");
        CliRunner runaway = CliRunner.run("import-manifest", huge.toString(), "--data-dir", dir.resolve("c").toString());
        assertEquals(2, runaway.exit());
        assertTrue(runaway.err().contains("huge.csv: line 4, (csv): field 1 has 5000000 characters; at most 4096"),
                runaway.err());
    }

    @Test
    void simulateAgainstIxkioEndToEnd() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--platform", "ixkio", "--count", "60", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertIxkioRunAgrees(s, 60);
        assertEquals(false, s.get("went_offline").asBoolean());
    }

    @Test
    void simulateAgainstIxkioThroughAnOutage() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--platform", "ixkio", "--count", "30", "--protocol", "mixed",
                "--defect-rate", "0.3", "--outage-at", "2", "--outage-for", "30", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertIxkioRunAgrees(s, 30);
        assertEquals(true, s.get("went_offline").asBoolean());
    }

    @Test
    void unknownPlatformExitsTwo() {
        CliRunner r = CliRunner.run("simulate", "--platform", "nope");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("tagbase, ixkio"), r.err());
    }

    private static void assertIxkioRunAgrees(JsonNode s, int count) {
        int encoded = s.get("encoded").asInt();
        assertEquals(count, encoded + s.get("failed").asInt());
        assertTrue(encoded > 0);
        assertEquals(encoded, s.get("platform_configured").asInt(), "Active and Assigned tag codes");
        assertEquals(encoded, s.get("associations").asInt());
        assertEquals(0, s.get("associations_mismatched").asInt());
        assertEquals(encoded, s.get("verified_valid").asInt());
        assertEquals(0, s.get("verified_invalid").asInt());
        assertEquals(0, s.get("unsynced").asInt());
        assertEquals(0, s.get("quarantined").asInt());
        assertEquals(0, s.get("unexpected").asInt());
    }
}
