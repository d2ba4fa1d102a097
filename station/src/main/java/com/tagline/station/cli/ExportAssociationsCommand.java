package com.tagline.station.cli;

import com.tagline.hardware.IoReason;
import com.tagline.station.ixkio.ConfiguredAssociations;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station export-associations --data-dir DIR [--out FILE]}: the {@code xuid,uid} CSV (UID uppercase)
 * of every configured chip in {@code DIR/station.db}, for the ixkio Console's Associate Data upload; on
 * stdout without {@code --out}. Exit 0; 2 when the store or the file cannot be used.
 */
@Command(name = "export-associations", mixinStandardHelpOptions = true,
        description = "Write the xuid,uid association CSV of the configured chips (ixkio Associate Data).")
final class ExportAssociationsCommand implements Callable<Integer> {
    @Option(names = "--data-dir", required = true, description = "Directory of the station's store (station.db).")
    Path dataDir;

    @Option(names = "--out", description = "Write to this file instead of stdout.")
    Path out;

    @Option(names = "--station", defaultValue = "station-1", description = "Station name (default ${DEFAULT-VALUE}).")
    String station;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(dataDir.resolve("station.db"))) {
            System.err.println("export-associations: no store at " + dataDir.resolve("station.db"));
            return 2;
        }
        try (StoreAccess store = ImportManifestCommand.open(dataDir, station)) {
            if (out == null) {
                Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                ConfiguredAssociations.export(store, w);
                w.flush();
                return 0;
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                int n = ConfiguredAssociations.export(store, w);
                System.err.println("export-associations: " + n + " associations written to " + out);
            }
            return 0;
        } catch (IOException e) {
            System.err.println("export-associations: cannot write " + out + ": " + IoReason.of(e));
            return 2;
        } catch (UncheckedIOException e) {
            System.err.println("export-associations: cannot write " + out + ": " + IoReason.of(e.getCause()));
            return 2;
        } catch (StoreException e) {
            System.err.println("export-associations: " + e.getMessage());
            return 2;
        }
    }
}
