package com.tagline.station.ixkio;

import com.tagline.hardware.csv.CsvRecords;
import com.tagline.station.platform.ixkio.ManifestRow;
import com.tagline.station.store.StoreAccess;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code station import-manifest}: an encoding manifest into the store, all or nothing (platform-api
 * §2.2). The whole file is validated first ({@link EncodingManifest}); a clean file is then recorded in
 * ONE transaction ({@link com.tagline.station.store.ManifestJobs#importRows}): every row an available
 * job of its protocol (tag id = XUID) with its optional tag code fields. A row whose XUID is already
 * configured here is an error of that line ({@code xuid}) and, like any error, nothing is imported; a
 * row whose XUID was imported before and is not configured yet replaces the earlier one.
 *
 * <p>Threading: the caller's; the store is reached through {@link StoreAccess}.
 */
public final class ManifestImport {
    private ManifestImport() {
    }

    /** What an import did. */
    public sealed interface Result {
        /**
         * Every row was recorded, as jobs of lease {@code leaseId}; {@code newRows} of them had no job here
         * before (0 when the same file comes again: its rows only replaced themselves).
         */
        record Imported(int rows, int newRows, String leaseId) implements Result {
        }

        /** Nothing was recorded; errors in line order, each naming line and field. */
        record Refused(List<ManifestError> errors) implements Result {
            public Refused {
                errors = List.copyOf(errors);
            }
        }
    }

    /**
     * Validates {@code in} and, when clean, imports it.
     *
     * @param fileName the manifest's file name (without directories): names the jobs' lease
     * @throws java.io.UncheckedIOException when {@code in} cannot be read
     * @throws com.tagline.station.store.StoreException when the store refuses; nothing was imported then
     */
    public static Result run(Reader in, String fileName, ChipUrlFit fit, StoreAccess store) {
        return run(CsvRecords.read(in), fileName, fit, store);
    }

    /** As {@link #run(Reader, String, ChipUrlFit, StoreAccess)}, for records already read (a file's bytes, strictly UTF-8). */
    public static Result run(CsvRecords csv, String fileName, ChipUrlFit fit, StoreAccess store) {
        ManifestCheck check = EncodingManifest.validate(csv, fit);
        if (check instanceof ManifestCheck.Invalid invalid) {
            return new Result.Refused(invalid.errors());
        }
        List<ManifestRow> rows = ((ManifestCheck.Valid) check).rows();
        com.tagline.station.store.ManifestJobs.RowImport done = store.call(s -> s.manifestJobs().importRows(fileName, rows));
        List<String> configured = done.configured();
        if (configured.isEmpty()) {
            return new Result.Imported(rows.size(), done.newRows(),
                    com.tagline.station.store.ManifestJobs.leaseId(fileName));
        }
        Map<String, ManifestRow> byXuid = rows.stream().collect(Collectors.toMap(ManifestRow::xuid, Function.identity()));
        List<ManifestError> errors = new ArrayList<>();
        for (String xuid : configured) {
            errors.add(new ManifestError(byXuid.get(xuid).line(), "xuid", "tag code " + xuid
                    + " is already configured on a chip here; it cannot be imported again"));
        }
        return new Result.Refused(errors);
    }
}
