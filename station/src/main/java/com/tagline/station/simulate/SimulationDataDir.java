package com.tagline.station.simulate;

import com.tagline.hardware.IoReason;
import com.tagline.station.run.DataDirectory;
import com.tagline.station.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a simulation keeps its stations' SQLite files: {@code --data-dir} (one station: the directory itself;
 * several: a directory per station), or a temporary directory removed afterwards.
 */
final class SimulationDataDir {
    private SimulationDataDir() {
    }

    /**
     * The directory to use.
     *
     * @throws IllegalArgumentException naming the directory when it holds a station database from an earlier
     *     run: a simulation starts from an empty store against a fresh platform emulator, whose tags the old
     *     store does not know, or when it cannot be made or written
         */
    static Path open(Optional<Path> given, int stations) {
        if (given.isEmpty()) {
            try {
                return Files.createTempDirectory("tagline-simulate-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a temporary directory: " + e.getMessage(), e);
            }
        }
        Path dir;
        try {
            dir = DataDirectory.create(given.get());
        } catch (StoreException e) {
            throw new IllegalArgumentException("--data-dir: " + e.getMessage().replaceFirst("^open: ", ""));
        }
        Optional<Path> earlier = earlierDatabase(dir);
        if (earlier.isPresent()) {
            throw new IllegalArgumentException("--data-dir " + dir + " already holds a station database ("
                    + earlier.get() + ") from an earlier run; a simulation starts from an empty store against a"
                    + " fresh platform emulator, so give it a new or empty directory");
        }
        return dir;
    }

    private static Optional<Path> earlierDatabase(Path dir) {
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(f -> f.getFileName().toString().equals("station.db")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + IoReason.of(e), e);
        }
    }

    /** Removes a temporary directory; what cannot be removed is left (harmless). */
    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
