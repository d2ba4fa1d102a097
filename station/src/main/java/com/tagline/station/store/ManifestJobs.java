package com.tagline.station.store;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.platform.ixkio.ManifestRow;
import com.tagline.station.platform.ixkio.NftChain;
import com.tagline.station.platform.ixkio.NftData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The jobs of imported ixkio encoding manifests (platform-api §2.2). Each row is a job in
 * {@code leased_jobs} (tag id = the XUID), so the encoder takes it like any leased tag, plus its optional
 * tag code fields in {@code manifest_rows} (schema version 3), which the ixkio sink sends once the chip is
 * configured.
 *
 * <p>ixkio has no leases: nobody else can take a manifest's tag codes away from this station, so a
 * manifest job's lease never expires ({@link #NO_EXPIRY}); its lease id names the manifest file
 * ({@code manifest:<file name>}).
 *
 * <p>Threading: shares the store's single writer connection; call it only from the store's thread.
 */
public final class ManifestJobs {
    /** The lease expiry of a manifest job: far beyond any run, so the encoder's lease grace never drops it. */
    public static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    private final Database db;
    private final Clock clock;

    ManifestJobs(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The lease id of the jobs of manifest file {@code fileName}. */
    public static String leaseId(String fileName) {
        return "manifest:" + fileName;
    }

    /**
     * What {@link #importRows} did.
     *
     * @param configured the XUIDs already configured here, in row order; when any, nothing was written
     * @param newRows    rows whose XUID had no job here before (the others replaced their earlier job)
     */
    public record RowImport(List<String> configured, int newRows) {
        public RowImport {
            configured = List.copyOf(configured);
        }
    }

    /**
     * Records every row as an available job with its fields, in ONE transaction, unless some XUID is
     * already configured here: then nothing is written and those XUIDs are returned. A row whose XUID was
     * imported before but is not configured replaces the earlier job and fields (and is available again).
     */
    public RowImport importRows(String fileName, List<ManifestRow> rows) {
        long now = clock.millis();
        return db.inTransaction("importManifest", c -> {
            List<String> configured = new ArrayList<>();
            int newRows = 0;
            for (ManifestRow r : rows) {
                if (Attempts.queryInt(c, "SELECT COUNT(*) FROM outcomes WHERE tag_id = ? AND outcome = 'configured'",
                        r.xuid()) > 0) {
                    configured.add(r.xuid());
                }
                if (Attempts.queryInt(c, "SELECT COUNT(*) FROM leased_jobs WHERE tag_id = ?", r.xuid()) == 0) {
                    newRows++;
                }
            }
            if (!configured.isEmpty()) {
                return new RowImport(configured, 0);
            }
            for (ManifestRow r : rows) {
                write(c, fileName, r, now);
            }
            return new RowImport(configured, newRows);
        });
    }

    private static void write(Connection c, String fileName, ManifestRow r, long now) throws SQLException {
        Attempts.update(c, "INSERT INTO leased_jobs (tag_id, protocol, url, lease_id, lease_expires_at_ms, state)"
                + " VALUES (?, ?, ?, ?, ?, 'available') ON CONFLICT (tag_id) DO UPDATE SET protocol = excluded.protocol,"
                + " url = excluded.url, lease_id = excluded.lease_id, lease_expires_at_ms = excluded.lease_expires_at_ms,"
                + " state = 'available'", r.xuid(), r.protocol().code(), r.url(), leaseId(fileName),
                NO_EXPIRY.toEpochMilli());
        Optional<NftData> nft = r.nft();
        Attempts.update(c, "INSERT INTO manifest_rows (tag_id, manifest, line, cuid, ix_dr, nft_chain, nft_contract,"
                + " nft_token, nft_owner, imported_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tag_id)"
                + " DO UPDATE SET manifest = excluded.manifest, line = excluded.line, cuid = excluded.cuid,"
                + " ix_dr = excluded.ix_dr, nft_chain = excluded.nft_chain, nft_contract = excluded.nft_contract,"
                + " nft_token = excluded.nft_token, nft_owner = excluded.nft_owner,"
                + " imported_at_ms = excluded.imported_at_ms", r.xuid(), fileName, r.line(), r.cuid().orElse(null),
                r.defaultResponse().orElse(null), nft.map(n -> n.chain().code()).orElse(null),
                nft.map(NftData::contract).orElse(null), nft.map(NftData::token).orElse(null),
                r.nftOwner().orElse(null), now);
    }

    /** The manifest row imported for {@code xuid} (its job's URL and protocol, its optional fields), if any. */
    public Optional<ManifestRow> row(String xuid) {
        return db.read("manifestRow", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT m.line, j.url, j.protocol, m.cuid, m.ix_dr,"
                    + " m.nft_chain, m.nft_contract, m.nft_token, m.nft_owner FROM manifest_rows m"
                    + " JOIN leased_jobs j ON j.tag_id = m.tag_id WHERE m.tag_id = ?")) {
                ps.setString(1, xuid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(xuid, rs)) : Optional.<ManifestRow>empty();
                }
            }
        });
    }

    /** Whether rows of the manifest file {@code fileName} were imported before. */
    public boolean imported(String fileName) {
        return db.read("manifestImported", c -> Attempts.queryInt(c,
                "SELECT COUNT(*) FROM manifest_rows WHERE manifest = ?", fileName) > 0);
    }

    /** How many manifest rows the store holds. */
    public int count() {
        return db.read("manifestRows", c -> Attempts.queryInt(c, "SELECT COUNT(*) FROM manifest_rows"));
    }

    private static ManifestRow map(String xuid, ResultSet rs) throws SQLException {
        ChipProtocol protocol = Attempts.protocol(rs.getString(3), "manifestRow");
        Optional<NftData> nft = Optional.ofNullable(rs.getString(6)).map(chain -> new NftData(
                NftChain.byCode(chain).orElseThrow(() -> new StoreException("manifestRow", "unknown chain " + chain)),
                column(rs, 7), column(rs, 8)));
        return new ManifestRow(rs.getInt(1), xuid, rs.getString(2), protocol, Optional.ofNullable(rs.getString(4)),
                Optional.ofNullable(rs.getString(5)), nft, Optional.ofNullable(rs.getString(9)));
    }

    private static String column(ResultSet rs, int column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new StoreException("manifestRow", e.getMessage(), e);
        }
    }
}
