package com.tagline.station.ixkio;

import com.tagline.hardware.csv.CsvRecords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header of an encoding manifest: which column holds which field. Required: {@code xuid},
 * {@code url}; optional: {@code cuid}, {@code protocol}, {@code ix_dr}, {@code nft_chain},
 * {@code nft_contract}, {@code nft_token}, {@code nft_owner} (platform-api §2.2). Any order; an unknown
 * or repeated column is an error (a misspelt optional column would otherwise be dropped silently).
 */
final class ManifestColumns {
    static final List<String> REQUIRED = List.of("xuid", "url");
    static final List<String> KNOWN = List.of("xuid", "url", "cuid", "protocol", "ix_dr", "nft_chain",
            "nft_contract", "nft_token", "nft_owner");

    private final Map<String, Integer> index;
    private final int count;

    private ManifestColumns(Map<String, Integer> index, int count) {
        this.index = Map.copyOf(index);
        this.count = count;
    }

    /** The columns of {@code header}, adding its errors (line 1's, or the header's line) to {@code errors}. */
    static Optional<ManifestColumns> of(CsvRecords.Row header, List<ManifestError> errors) {
        Map<String, Integer> index = new HashMap<>();
        int before = errors.size();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim();
            if (!KNOWN.contains(name)) {
                errors.add(new ManifestError(header.line(), name.isEmpty() ? ManifestError.HEADER : name,
                        "unknown column (known: " + String.join(", ", KNOWN) + ")"));
            } else if (index.put(name, i) != null) {
                errors.add(new ManifestError(header.line(), name, "column appears twice"));
            }
        }
        for (String name : REQUIRED) {
            if (!index.containsKey(name)) {
                errors.add(new ManifestError(header.line(), name, "required column is missing"));
            }
        }
        return errors.size() == before ? Optional.of(new ManifestColumns(index, header.fields().size()))
                : Optional.empty();
    }

    int count() {
        return count;
    }

    /** The trimmed value of {@code name} in {@code row}; empty when the column is absent. */
    String value(CsvRecords.Row row, String name) {
        Integer at = index.get(name);
        return at == null ? "" : row.fields().get(at).trim();
    }
}
