package com.tagline.station.ixkio;

import com.tagline.hardware.csv.CsvRecords;
import com.tagline.hardware.ndef.UrlDoesNotFitException;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.platform.TagUrl;
import com.tagline.station.platform.ixkio.ManifestRow;
import com.tagline.station.platform.ixkio.NftChain;
import com.tagline.station.platform.ixkio.NftData;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates an ixkio encoding manifest (platform-api §2.2) as a whole: the result holds either every
 * row or every error, never some rows of a file with errors, so an import is all or nothing.
 *
 * <p>Format: CSV (RFC 4180, UTF-8) with a header line; columns in any order (see {@link ManifestColumns}):
 * <ul>
 * <li>{@code xuid} (required, unique in the file) — the ixkio tag code to PATCH after configuring;</li>
 * <li>{@code url} (required) — absolute {@code http}/{@code https} URL with a host; the protocol's SUN
 *     parameters are appended (or its placeholders used) and the result must fit the chip
 *     ({@link ChipUrlFit});</li>
 * <li>{@code protocol} — {@code ntag_424_dna} or {@code ntag_223_dna}; absent or empty means
 *     {@link ChipProtocol#DEFAULT} ({@code ntag_424_dna});</li>
 * <li>{@code cuid}, {@code ix_dr}, {@code nft_owner} — free text;</li>
 * <li>{@code nft_chain}, {@code nft_contract}, {@code nft_token} — all three with data or all empty;
 *     the chain one of {@link NftChain#codes()}.</li>
 * </ul>
 * Values are trimmed; blank lines are skipped; an empty optional cell means "not sent" (a manifest does
 * not remove an existing response or NFT data).
 *
 * <p>Errors (each with line and field): malformed CSV, empty file, unknown / repeated / missing required
 * column, a row with the wrong number of fields, a missing required value, duplicate XUID, unknown
 * protocol, bad URL, URL too long for its chip, incomplete NFT fields, unknown chain.
 *
 * <p>Pure and thread-safe: no I/O besides reading {@code in}, no store.
 */
public final class EncodingManifest {
    private static final List<String> NFT = List.of("nft_chain", "nft_contract", "nft_token");

    private EncodingManifest() {
    }

    /**
     * Reads and validates the whole manifest.
     *
     * @throws java.io.UncheckedIOException when {@code in} cannot be read
     */
    public static ManifestCheck validate(Reader in, ChipUrlFit fit) {
        return validate(CsvRecords.read(in), fit);
    }

    /** Validates the records of a manifest already read ({@link CsvRecords#read(java.io.InputStream)} for a file). */
    public static ManifestCheck validate(CsvRecords csv, ChipUrlFit fit) {
        List<ManifestError> errors = new ArrayList<>();
        List<ManifestRow> rows = new ArrayList<>();
        if (csv.rows().isEmpty() && csv.malformed().isEmpty()) {
            errors.add(new ManifestError(1, ManifestError.HEADER, "empty file: expected a header with xuid and url"));
        } else if (!csv.rows().isEmpty()) {
            ManifestColumns.of(csv.rows().get(0), errors)
                    .ifPresent(columns -> rows(csv.rows().subList(1, csv.rows().size()), columns, fit, rows, errors));
        }
        csv.malformed().ifPresent(m -> errors.add(new ManifestError(m.line(), ManifestError.CSV, m.message())));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ManifestError::line));
            return new ManifestCheck.Invalid(errors);
        }
        return new ManifestCheck.Valid(rows);
    }

    private static void rows(List<CsvRecords.Row> records, ManifestColumns columns, ChipUrlFit fit,
            List<ManifestRow> rows, List<ManifestError> errors) {
        Map<String, Integer> xuidLines = new HashMap<>();
        for (CsvRecords.Row r : records) {
            if (r.fields().size() != columns.count()) {
                errors.add(new ManifestError(r.line(), ManifestError.ROW, "has " + r.fields().size()
                        + " fields, the header has " + columns.count()));
                continue;
            }
            int before = errors.size();
            ManifestRow row = row(r, columns, fit, errors);
            Integer first = xuidLines.putIfAbsent(row.xuid(), r.line());
            if (!row.xuid().isEmpty() && first != null) {
                errors.add(new ManifestError(r.line(), "xuid", "duplicate of line " + first));
            }
            if (errors.size() == before) {
                rows.add(row);
            }
        }
    }

    /** The row's values, adding its errors to {@code errors}; the result is only used when none were added. */
    private static ManifestRow row(CsvRecords.Row r, ManifestColumns c, ChipUrlFit fit, List<ManifestError> errors) {
        int line = r.line();
        String xuid = c.value(r, "xuid");
        if (xuid.isEmpty()) {
            errors.add(new ManifestError(line, "xuid", "required, is empty"));
        }
        Optional<ChipProtocol> protocol = protocol(line, c.value(r, "protocol"), errors);
        String url = c.value(r, "url");
        if (url.isEmpty()) {
            errors.add(new ManifestError(line, "url", "required, is empty"));
        } else {
            Optional<String> problem = TagUrl.problem(url);
            if (problem.isPresent()) {
                errors.add(new ManifestError(line, "url", problem.get()));
            } else {
                protocol.ifPresent(p -> checkFit(line, p, url, fit, errors));
            }
        }
        Optional<NftData> nft = nft(r, c, errors);
        return new ManifestRow(line, xuid, url, protocol.orElse(ManifestRow.DEFAULT_PROTOCOL), optional(c.value(r, "cuid")),
                optional(c.value(r, "ix_dr")), nft, optional(c.value(r, "nft_owner")));
    }

    private static Optional<ChipProtocol> protocol(int line, String code, List<ManifestError> errors) {
        if (code.isEmpty()) {
            return Optional.of(ManifestRow.DEFAULT_PROTOCOL);
        }
        Optional<ChipProtocol> p = ChipProtocol.byCode(code);
        if (p.isEmpty()) {
            errors.add(new ManifestError(line, "protocol", "unknown protocol '" + code + "' (known: "
                    + ChipProtocol.codes() + ")"));
        }
        return p;
    }

    private static void checkFit(int line, ChipProtocol p, String url, ChipUrlFit fit, List<ManifestError> errors) {
        try {
            fit.check(p, url);
        } catch (UrlDoesNotFitException e) {
            errors.add(new ManifestError(line, "url", "too long for " + p.code() + ": needs " + e.needed()
                    + " bytes with its SUN message, " + e.available() + " available (" + (e.needed() - e.available())
                    + " too many)"));
        } catch (IllegalArgumentException e) {
            errors.add(new ManifestError(line, "url", "not usable for " + p.code() + ": " + e.getMessage()));
        }
    }

    private static Optional<NftData> nft(CsvRecords.Row r, ManifestColumns c, List<ManifestError> errors) {
        List<String> values = NFT.stream().map(n -> c.value(r, n)).toList();
        long filled = values.stream().filter(v -> !v.isEmpty()).count();
        if (filled == 0) {
            return Optional.empty();
        }
        if (filled < NFT.size()) {
            for (int i = 0; i < NFT.size(); i++) {
                if (values.get(i).isEmpty()) {
                    errors.add(new ManifestError(r.line(), NFT.get(i), "NFT fields incomplete: nft_chain, "
                            + "nft_contract and nft_token must all have data or all be empty"));
                }
            }
            return Optional.empty();
        }
        Optional<NftChain> chain = NftChain.byCode(values.get(0));
        if (chain.isEmpty()) {
            errors.add(new ManifestError(r.line(), "nft_chain", "unknown chain '" + values.get(0) + "' (known: "
                    + NftChain.codes() + ")"));
            return Optional.empty();
        }
        return Optional.of(new NftData(chain.get(), values.get(1), values.get(2)));
    }

    private static Optional<String> optional(String v) {
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }
}
