package com.tagline.station.ixkio;

import com.tagline.hardware.IoReason;
import com.tagline.hardware.csv.CsvRecords;
import com.tagline.station.config.ConfigException;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.workflow.JobSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ixkio's work (platform-api §2.2): ixkio has no pull endpoint, so pending work is an encoding manifest
 * imported into the store, at start from {@code platform.manifest} or beforehand with
 * {@code station import-manifest}. A manifest whose file name was imported before is not imported again
 * (its rows may be in progress or done); a new batch comes in a file of a new name. Nothing is leased,
 * so there is nothing to renew or give back.
 */
public final class ManifestSource implements JobSource {
    private static final Logger log = LoggerFactory.getLogger(ManifestSource.class);

    private ManifestSource() {
    }

    /**
     * Imports {@code manifest}, if given and not imported before, all rows or none.
     *
     * @throws ManifestRefusedException naming every error when the manifest cannot be imported
     * @throws ConfigException when the file cannot be read: {@code platform.manifest} names it, so it is the
     *     configuration's problem (exit 2), as a missing key or token file is
     */
    public static ManifestSource open(Optional<Path> manifest, ChipUrlFit fit, StoreAccess store) {
        manifest.ifPresent(file -> importOnce(file, fit, store));
        int rows = store.call(s -> s.manifestJobs().count());
        log.info("event=manifest_jobs rows={} manifest=\"{}\"", rows, manifest.map(Path::toString).orElse("-"));
        return new ManifestSource();
    }

    private static void importOnce(Path file, ChipUrlFit fit, StoreAccess store) {
        String name = file.getFileName().toString();
        if (store.call(s -> s.manifestJobs().imported(name))) {
            log.info("event=manifest_already_imported manifest=\"{}\"", name);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            ManifestImport.Result r = ManifestImport.run(CsvRecords.read(in), name, fit, store);
            if (r instanceof ManifestImport.Result.Refused refused) {
                throw new ManifestRefusedException(file, refused.errors());
            }
            ManifestImport.Result.Imported imported = (ManifestImport.Result.Imported) r;
            log.info("event=manifest_imported manifest=\"{}\" rows={} new_rows={}", name, imported.rows(),
                    imported.newRows());
        } catch (IOException e) {
            throw unreadable(file, e);
        } catch (UncheckedIOException e) {
            throw unreadable(file, e.getCause());
        }
    }

    private static ConfigException unreadable(Path file, IOException e) {
        return new ConfigException("platform.manifest", List.of("cannot read the manifest " + file + ": "
                + IoReason.of(e)));
    }

    @Override
    public void runOnce() {
        // the work is in the store already
    }

    @Override
    public int releaseUnused() {
        return 0;
    }

    /** The configured manifest has errors: nothing of it was imported. */
    public static final class ManifestRefusedException extends com.tagline.hardware.TaglineException {
        private final List<ManifestError> errors;

        ManifestRefusedException(Path file, List<ManifestError> errors) {
            super("the manifest " + file + " has " + errors.size() + " errors; nothing was imported");
            this.errors = List.copyOf(errors);
        }

        public List<ManifestError> errors() {
            return errors;
        }
    }
}
