package com.tagline.station.ixkio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.personalize.Reason;
import com.tagline.station.platform.ixkio.ManifestRow;
import com.tagline.station.store.LeasedJob;
import com.tagline.station.store.ManifestJobs;
import com.tagline.station.store.Outcome;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreConfig;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ManifestImport} into a real SQLite file: all or nothing, re-import rules (issue 7). */
class ManifestImportTest {
    private static final String HEADER = "xuid,url,protocol,ix_dr,nft_chain,nft_contract,nft_token,nft_owner\n";
    private static final String CLEAN = HEADER
            + "X1,https://t.example/1,ntag_424_dna,https://own.example/1,polygon_main,0xC,7,0xO\n"
            + "X2,https://t.example/2,ntag_223_dna,,,,,\n";

    @TempDir
    Path dir;
    private StoreAccess store;

    @BeforeEach
    void open() {
        store = StoreAccess.direct(Store.open(StoreConfig.of(dir.resolve("station.db"), "line-1")
                .withClock(Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC)).withMinFreeBytes(0)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ManifestImport.Result importText(String csv, String name) {
        return ManifestImport.run(new StringReader(csv), name, ChipUrlFit.defaults(), store);
    }

    @Test
    void aCleanFileBecomesAvailableJobsWithTheirFields() {
        ManifestImport.Result r = importText(CLEAN, "batch-7.csv");
        assertEquals(new ManifestImport.Result.Imported(2, 2, "manifest:batch-7.csv"), r);
        LeasedJob job = store.call(s -> s.leasedJob("X1")).orElseThrow();
        assertEquals(ChipProtocol.NTAG_424_DNA, job.protocol());
        assertEquals("https://t.example/1", job.url());
        assertEquals("manifest:batch-7.csv", job.leaseId());
        assertEquals(ManifestJobs.NO_EXPIRY, job.leaseExpiresAt());
        assertEquals(1, (Integer) store.call(s -> s.jobs().available(ChipProtocol.NTAG_424_DNA)));
        assertEquals(1, (Integer) store.call(s -> s.jobs().available(ChipProtocol.NTAG_223_DNA)));
        ManifestRow x1 = store.call(s -> s.manifestJobs().row("X1")).orElseThrow();
        assertEquals(2, x1.line());
        assertEquals(Optional.of("https://own.example/1"), x1.defaultResponse());
        assertEquals("polygon_main", x1.nft().orElseThrow().chain().code());
        assertEquals(Optional.of("0xO"), x1.nftOwner());
        assertEquals(List.of("ix_status", "ix_assigned", "ix_dr", "ix_nftchain", "ix_nftcontract", "ix_nfttoken",
                "ix_nftowner"), List.copyOf(x1.activation().parameters().keySet()));
        ManifestRow x2 = store.call(s -> s.manifestJobs().row("X2")).orElseThrow();
        assertEquals(com.tagline.station.platform.ixkio.TagCodeUpdate.activation(), x2.activation());
    }

    @Test
    void anyErrorImportsNothingAndNamesLineAndField() {
        String bad = CLEAN + "X3,ftp://t.example/3,,,,,,\nX4,https://t.example/4,ntag_999,,,,,\n";
        ManifestImport.Result r = importText(bad, "bad.csv");
        List<ManifestError> errors = assertInstanceOf(ManifestImport.Result.Refused.class, r).errors();
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(4, errors.get(0).line());
        assertEquals("url", errors.get(0).field());
        assertEquals(5, errors.get(1).line());
        assertEquals("protocol", errors.get(1).field());
        assertEquals(0, (Integer) store.call(s -> s.manifestJobs().count()));
        assertTrue((Boolean) store.call(s -> s.leasedJob("X1")).isEmpty(), "the clean rows were not imported either");
    }

    @Test
    void reImportUpdatesATagNotYetConfigured() {
        importText(CLEAN, "a.csv");
        store.run(s -> s.jobs().finish("X2"));
        ManifestImport.Result r = importText(HEADER + "X2,https://t.example/2b,ntag_223_dna,https://own.example/2,,,,\n",
                "b.csv");
        assertEquals(new ManifestImport.Result.Imported(1, 0, "manifest:b.csv"), r);
        LeasedJob job = store.call(s -> s.leasedJob("X2")).orElseThrow();
        assertEquals("https://t.example/2b", job.url());
        assertEquals("manifest:b.csv", job.leaseId());
        assertTrue((Boolean) store.call(s -> s.jobs().isAvailable("X2")));
        assertEquals(Optional.of("https://own.example/2"),
                store.call(s -> s.manifestJobs().row("X2")).orElseThrow().defaultResponse());
        assertEquals(2, (Integer) store.call(s -> s.manifestJobs().count()));
    }

    @Test
    void theSameFileAgainImportsNoNewRowAndAFileWithMoreCountsOnlyTheNewOnes() {
        importText(CLEAN, "a.csv");
        assertEquals(new ManifestImport.Result.Imported(2, 0, "manifest:a.csv"), importText(CLEAN, "a.csv"));
        assertEquals(new ManifestImport.Result.Imported(3, 1, "manifest:a2.csv"),
                importText(CLEAN + "X3,https://t.example/3,,,,,,\n", "a2.csv"));
        assertEquals(3, (Integer) store.call(s -> s.manifestJobs().count()));
    }

    @Test
    void anXuidAlreadyConfiguredIsAnErrorOfItsLineAndNothingIsImported() {
        importText(CLEAN, "a.csv");
        store.run(s -> {
            long a = s.beginAttempt("X1", "04A1B2C3D4E5F6", ChipProtocol.NTAG_424_DNA);
            s.completeAttempt(a, Outcome.CONFIGURED, Reason.CONFIGURED, "", 1);
        });
        ManifestImport.Result r = importText(HEADER + "X9,https://t.example/9,,,,,,\nX1,https://t.example/1b,,,,,,\n",
                "c.csv");
        List<ManifestError> errors = assertInstanceOf(ManifestImport.Result.Refused.class, r).errors();
        assertEquals(1, errors.size());
        assertEquals(3, errors.get(0).line());
        assertEquals("xuid", errors.get(0).field());
        assertTrue(errors.get(0).problem().contains("already configured"), errors.get(0).problem());
        assertTrue((Boolean) store.call(s -> s.leasedJob("X9")).isEmpty(), "X9 was not imported");
        assertEquals("https://t.example/1", store.call(s -> s.leasedJob("X1")).orElseThrow().url());
    }
}
