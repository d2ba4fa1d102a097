package com.tagline.simulator.platform.ixkio;

import com.tagline.hardware.csv.CsvRecords;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One tag code as created in the ixkio Console before any Management API call (platform-api §2.1:
 * "Tag codes must exist beforehand").
 *
 * <p>Seed file format (CSV, RFC 4180, UTF-8): a header naming the columns {@code xuid,cuid,url} in
 * any order and optionally {@code uid}; no other column. One tag code per record:
 * <ul>
 * <li>{@code xuid} — required, unique: the tag code's id in {@code PATCH /v1/x/{xuid}};</li>
 * <li>{@code cuid} — the customer's id (looked up case-sensitively with {@code ix_c}); may be empty,
 *     unique when given;</li>
 * <li>{@code url} — the tag group's response the tag code inherits until {@code ix_dr} sets its own;
 *     may be empty (a group without a response);</li>
 * <li>{@code uid} — the chip UID, hex; stored uppercase (the {@code ix_u} lookup only matches
 *     uppercase, seed §"UID must always be uppercase"); may be empty, unique when given.</li>
 * </ul>
 * Values are trimmed; blank lines are skipped. Every seeded tag code starts {@code Inactive},
 * {@code Unassigned}, with no own response and no NFT data.
 */
public record TagCodeSeed(String xuid, String cuid, String uid, String groupResponse) {
    private static final Set<String> REQUIRED = Set.of("xuid", "cuid", "url");
    private static final Set<String> KNOWN = Set.of("xuid", "cuid", "url", "uid");
    private static final Pattern HEX = Pattern.compile("([0-9A-Fa-f]{2})+");

    /**
     * Reads a whole seed file.
     *
     * @throws SeedFileException for the first problem: malformed CSV, a missing or unknown column, a row
     *     with the wrong number of fields, an empty or duplicate XUID, a duplicate CUID or UID, a UID that
     *     is not hex
     */
    public static List<TagCodeSeed> read(Reader in) {
        CsvRecords csv = CsvRecords.read(in);
        csv.malformed().ifPresent(m -> {
            throw new SeedFileException(m.line(), m.message());
        });
        List<CsvRecords.Row> rows = csv.rows();
        if (rows.isEmpty()) {
            throw new SeedFileException(1, "empty file: expected the header xuid,cuid,url[,uid]");
        }
        Map<String, Integer> columns = columns(rows.get(0));
        List<TagCodeSeed> seeds = new ArrayList<>();
        Set<String> xuids = new HashSet<>();
        Set<String> cuids = new HashSet<>();
        Set<String> uids = new HashSet<>();
        for (CsvRecords.Row row : rows.subList(1, rows.size())) {
            if (row.fields().size() != columns.size()) {
                throw new SeedFileException(row.line(), "has " + row.fields().size() + " fields, the header has "
                        + columns.size());
            }
            TagCodeSeed seed = of(row, columns);
            unique(xuids, seed.xuid(), row, "xuid");
            unique(cuids, seed.cuid(), row, "cuid");
            unique(uids, seed.uid(), row, "uid");
            seeds.add(seed);
        }
        return List.copyOf(seeds);
    }

    private static Map<String, Integer> columns(CsvRecords.Row header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim();
            if (!KNOWN.contains(name)) {
                throw new SeedFileException(header.line(), "unknown column '" + name + "' (known: xuid, cuid, url, uid)");
            }
            if (columns.put(name, i) != null) {
                throw new SeedFileException(header.line(), "column '" + name + "' appears twice");
            }
        }
        for (String name : REQUIRED) {
            if (!columns.containsKey(name)) {
                throw new SeedFileException(header.line(), "missing column '" + name + "'");
            }
        }
        return columns;
    }

    private static TagCodeSeed of(CsvRecords.Row row, Map<String, Integer> columns) {
        String xuid = field(row, columns, "xuid");
        if (xuid.isEmpty()) {
            throw new SeedFileException(row.line(), "xuid is empty");
        }
        String uid = field(row, columns, "uid");
        if (!uid.isEmpty() && !HEX.matcher(uid).matches()) {
            throw new SeedFileException(row.line(), "uid '" + uid + "' is not whole bytes of hex");
        }
        return new TagCodeSeed(xuid, field(row, columns, "cuid"), uid.toUpperCase(java.util.Locale.ROOT),
                field(row, columns, "url"));
    }

    private static String field(CsvRecords.Row row, Map<String, Integer> columns, String name) {
        Integer at = columns.get(name);
        return at == null ? "" : row.fields().get(at).trim();
    }

    private static void unique(Set<String> seen, String value, CsvRecords.Row row, String column) {
        if (!value.isEmpty() && !seen.add(value)) {
            throw new SeedFileException(row.line(), "duplicate " + column + " '" + value + "'");
        }
    }
}
