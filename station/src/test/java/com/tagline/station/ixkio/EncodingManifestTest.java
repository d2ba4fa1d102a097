package com.tagline.station.ixkio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Profile;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Ntag223Recipe;
import com.tagline.station.personalize.Ntag424Recipe;
import com.tagline.station.platform.ixkio.ManifestRow;
import com.tagline.station.platform.ixkio.NftChain;
import com.tagline.station.platform.ixkio.NftData;
import com.tagline.station.platform.ixkio.TagCodeUpdate;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whole-file validation of the ixkio encoding manifest (platform-api §2.2): every row or every error. */
class EncodingManifestTest {
    private static final String HEADER = "xuid,url,cuid,protocol,ix_dr,nft_chain,nft_contract,nft_token,nft_owner\n";
    /** Fits an NTAG 424 DNA NDEF file with the SUN parameters, not NTAG 223 DNA user memory. */
    private static final String MID_URL = "https://example.com/" + "p".repeat(100);

    private static ManifestCheck check(String csv) {
        return EncodingManifest.validate(new StringReader(csv), ChipUrlFit.defaults());
    }

    private static List<ManifestError> errors(String csv) {
        return assertInstanceOf(ManifestCheck.Invalid.class, check(csv)).errors();
    }

    private static void assertOnlyError(int line, String field, String text, String csv) {
        List<ManifestError> errors = errors(csv);
        assertEquals(1, errors.size(), errors.toString());
        ManifestError e = errors.get(0);
        assertEquals(line, e.line(), e.toString());
        assertEquals(field, e.field(), e.toString());
        assertTrue(e.problem().contains(text), e.toString());
    }

    @Test
    void aCleanFileGivesEveryRowWithItsActivation() {
        ManifestCheck c = check(HEADER
                + "X1,https://a.example/t/1,C1,ntag_424_dna,https://own.example,polygon_main,0xC,42,0xOwner\n"
                + "X2,https://a.example/t/2?k=v,,ntag_223_dna,,,,,\n"
                + "\n"
                + "X3,\"https://a.example/t/3?picc_data={picc}&cmac={mac}\",,,,,,,0xB\n");
        List<ManifestRow> rows = assertInstanceOf(ManifestCheck.Valid.class, c).rows();
        assertEquals(3, rows.size());
        ManifestRow r1 = rows.get(0);
        assertEquals(new ManifestRow(2, "X1", "https://a.example/t/1", ChipProtocol.NTAG_424_DNA, Optional.of("C1"),
                Optional.of("https://own.example"), Optional.of(new NftData(NftChain.POLYGON_MAIN, "0xC", "42")),
                Optional.of("0xOwner")), r1);
        assertEquals(TagCodeUpdate.activation().withDefaultResponse("https://own.example")
                .withNft(new NftData(NftChain.POLYGON_MAIN, "0xC", "42")).withNftOwner("0xOwner"), r1.activation());
        assertEquals(TagCodeUpdate.activation(), rows.get(1).activation());
        assertEquals(ChipProtocol.NTAG_223_DNA, rows.get(1).protocol());
        assertEquals(ChipProtocol.NTAG_424_DNA, rows.get(2).protocol());
        assertEquals(5, rows.get(2).line());
    }

    @Test
    void onlyXuidAndUrlAreRequiredAndTheProtocolDefaultsToNtag424() {
        List<ManifestRow> rows = assertInstanceOf(ManifestCheck.Valid.class,
                check("url,xuid\n https://a.example/1 , X1 \n")).rows();
        assertEquals("X1", rows.get(0).xuid());
        assertEquals("https://a.example/1", rows.get(0).url());
        assertEquals(ManifestRow.DEFAULT_PROTOCOL, rows.get(0).protocol());
        assertEquals(ChipProtocol.NTAG_424_DNA, ManifestRow.DEFAULT_PROTOCOL);
    }

    @Test
    void unknownProtocol() {
        assertOnlyError(3, "protocol", "unknown protocol 'ntag_215'",
                "xuid,url,protocol\nX1,https://a.example/1,ntag_223_dna\nX2,https://a.example/2,ntag_215\n");
    }

    @Test
    void badUrls() {
        assertOnlyError(2, "url", "must start with https:// or http://", "xuid,url\nX1,ftp://a.example/1\n");
        assertOnlyError(2, "url", "no host", "xuid,url\nX1,https:///path\n");
        assertOnlyError(2, "url", "whitespace", "xuid,url\nX1,https://a.example/a b\n");
        assertOnlyError(2, "url", "bad URL", "xuid,url\nX1,https://a.example/%zz\n");
        assertOnlyError(2, "url", "not usable for ntag_424_dna", "xuid,url\nX1,https://a.example/?x={sun}\n");
        assertOnlyError(2, "url", "not usable for ntag_223_dna",
                "xuid,url,protocol\nX1,https://a.example/?x={picc},ntag_223_dna\n");
    }

    @Test
    void duplicateXuidNamesTheFirstLine() {
        assertOnlyError(4, "xuid", "duplicate of line 2",
                "xuid,url\nX1,https://a.example/1\nX2,https://a.example/2\nX1,https://a.example/3\n");
    }

    @Test
    void incompleteNftFieldsNameEachMissingField() {
        List<ManifestError> e = errors(HEADER + "X1,https://a.example/1,,,,polygon_main,0xC,,\n"
                + "X2,https://a.example/2,,,,,,7,0xOwner\n");
        assertEquals(List.of("line 2, nft_token", "line 3, nft_chain", "line 3, nft_contract"),
                e.stream().map(x -> "line " + x.line() + ", " + x.field()).toList());
        assertTrue(e.get(0).problem().contains("NFT fields incomplete"));
    }

    @Test
    void unknownChain() {
        assertOnlyError(2, "nft_chain", "unknown chain 'ethereum_main'",
                HEADER + "X1,https://a.example/1,,,,ethereum_main,0xC,1,\n");
    }

    @Test
    void urlTooLongForItsChipCountsTheSunParametersOfItsProtocol() {
        assertInstanceOf(ManifestCheck.Valid.class, check("xuid,url,protocol\nX1," + MID_URL + ",ntag_424_dna\n"));
        assertOnlyError(2, "url", "too long for ntag_223_dna", "xuid,url,protocol\nX1," + MID_URL + ",ntag_223_dna\n");
        String longUrl = "https://example.com/" + "p".repeat(200);
        List<ManifestError> e = errors("xuid,url\nX1," + longUrl + "\n");
        assertTrue(e.get(0).problem().matches("too long for ntag_424_dna: needs \\d+ bytes .*"), e.toString());
    }

    @Test
    void theLinesRecipesDecideTheFit() {
        String url = "https://example.com/" + "p".repeat(75);
        assertOnlyError(2, "url", "too long for ntag_223_dna", "xuid,url,protocol\nX1," + url + ",ntag_223_dna\n");
        List<byte[]> keys = new ArrayList<>(Collections.nCopies(5, new byte[16]));
        MasterKeySet keySet = new MasterKeySet(keys, 1, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
        OriginalitySignature trust = OriginalitySignature.ntag424(List.of());
        Ntag223Profile profile = Ntag223Profile.defaults();
        Ntag223Recipe plainOnly = new Ntag223Recipe(keySet, MirrorTemplate.defaults(), trust, profile,
                Set.of(Ntag223Variant.PLAIN), profile.pages().cfg0(), true);
        ChipUrlFit fit = ChipUrlFit.of(Ntag424Recipe.of(keySet, SunTemplate.defaults(), trust), plainOnly);
        assertInstanceOf(ManifestCheck.Valid.class, EncodingManifest.validate(
                new StringReader("xuid,url,protocol\nX1," + url + ",ntag_223_dna\n"), fit));
    }

    @Test
    void missingRequiredColumnsAndValues() {
        List<ManifestError> header = errors("xuid,cuid\nX1,C1\n");
        assertEquals(List.of(new ManifestError(1, "url", "required column is missing")), header);
        assertOnlyError(2, "xuid", "required, is empty", "xuid,url\n,https://a.example/1\n");
        assertOnlyError(2, "url", "required, is empty", "xuid,url\nX1,\n");
    }

    @Test
    void unknownAndRepeatedColumns() {
        List<ManifestError> e = errors("xuid,url,nft_chian,url\nX1,https://a.example/1,x,y\n");
        assertEquals(List.of("nft_chian", "url"), e.stream().map(ManifestError::field).toList());
        assertTrue(e.get(0).problem().startsWith("unknown column"));
        assertTrue(e.get(1).problem().contains("twice"));
    }

    @Test
    void wrongFieldCountAndMalformedCsvAndEmptyFile() {
        assertOnlyError(3, ManifestError.ROW, "has 3 fields, the header has 2",
                "xuid,url\nX1,https://a.example/1\nX2,https://a.example/2,extra\n");
        List<ManifestError> e = errors("xuid,url\nX1,https://a.example/1\nX2,\"https://a.example/2\n");
        assertEquals(new ManifestError(3, ManifestError.CSV, e.get(0).problem()), e.get(0));
        assertTrue(e.get(0).problem().startsWith("malformed CSV"));
        assertOnlyError(1, ManifestError.HEADER, "empty file", "");
    }

    @Test
    void everyErrorOfTheFileIsReportedAndNoRowIsReturned() {
        List<ManifestError> e = errors(HEADER
                + "X1,https://a.example/1,,,,,,,\n"
                + "X2,ftp://a.example/2,,bogus,,,,,\n"
                + "X1,https://a.example/3,,,,solana,0xC,1,\n"
                + "X4,https://a.example/4,,,,,,,\n");
        assertEquals(List.of("line 3, protocol: unknown protocol 'bogus' (known: ntag_424_dna, ntag_223_dna)",
                "line 3, url: bad URL: must start with https:// or http://",
                "line 4, nft_chain: unknown chain 'solana' (known: etherium_main, etherium_test, polygon_main, "
                        + "polygon_test)",
                "line 4, xuid: duplicate of line 2"), e.stream().map(ManifestError::toString).toList());
    }
}
