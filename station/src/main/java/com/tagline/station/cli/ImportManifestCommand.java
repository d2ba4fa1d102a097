package com.tagline.station.cli;

import com.tagline.hardware.IoReason;
import com.tagline.hardware.csv.CsvRecords;
import com.tagline.station.ixkio.ChipUrlFit;
import com.tagline.station.ixkio.ManifestError;
import com.tagline.station.ixkio.ManifestImport;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code station import-manifest FILE.csv --data-dir DIR}: validates the whole ixkio encoding manifest
 * and imports it into {@code DIR/station.db} in one transaction ({@link ManifestImport}). Exit 0 with the
 * number of rows imported; 2 with one error per line on stderr (line and field) and nothing imported, or
 * when the file or the store cannot be used.
 */
@Command(name = "import-manifest", mixinStandardHelpOptions = true,
        description = "Validate an ixkio encoding manifest (CSV) and import all its rows as jobs, or none.")
final class ImportManifestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.csv", description = "The encoding manifest.")
    Path file;

    @Option(names = "--data-dir", required = true, description = "Directory of the station's store (station.db).")
    Path dataDir;

    @Option(names = "--station", defaultValue = "station-1", description = "Station name (default ${DEFAULT-VALUE}).")
    String station;

    @Override
    public Integer call() {
        try (InputStream in = Files.newInputStream(file);
             StoreAccess store = open(dataDir, station)) {
            ManifestImport.Result r = ManifestImport.run(CsvRecords.read(in), file.getFileName().toString(),
                    ChipUrlFit.defaults(), store);
            if (r instanceof ManifestImport.Result.Refused refused) {
                for (ManifestError e : refused.errors()) {
                    System.err.println(file.getFileName() + ": " + e);
                }
                System.err.println("import-manifest: " + refused.errors().size() + " errors; nothing imported");
                return 2;
            }
            System.out.println(describe((ManifestImport.Result.Imported) r, file.getFileName().toString()));
            return 0;
        } catch (IOException e) {
            System.err.println("import-manifest: cannot read " + file + ": " + IoReason.of(e));
            return 2;
        } catch (UncheckedIOException e) {
            System.err.println("import-manifest: cannot read " + file + ": " + IoReason.of(e.getCause()));
            return 2;
        } catch (StoreException e) {
            System.err.println("import-manifest: " + e.getMessage() + "; nothing imported");
            return 2;
        }
    }

    /**
     * What the import did, in the operator's words: a file imported again adds nothing (its rows not yet
     * configured only take the file's values again), and saying "imported 2 rows" twice would hide that.
     */
    static String describe(ManifestImport.Result.Imported r, String name) {
        String lease = " (lease " + r.leaseId() + ")";
        if (r.newRows() == r.rows()) {
            return "imported " + r.rows() + " rows from " + name + lease;
        }
        String again = (r.rows() - r.newRows()) + " of its rows were imported before; those not configured yet"
                + " were updated from the file";
        return r.newRows() == 0
                ? name + ": already imported, 0 new rows (" + again + ")" + lease
                : "imported " + r.newRows() + " new rows of " + r.rows() + " from " + name + " (" + again + ")" + lease;
    }

    /** The store at {@code DIR/station.db}, the file {@code station simulate --data-dir DIR} uses too. */
    static StoreAccess open(Path dataDir, String station) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("open", "cannot create " + dataDir + ": " + IoReason.of(e), e);
        }
        return StoreAccess.direct(Store.open(StoreConfig.of(dataDir.resolve("station.db"), station)));
    }
}
