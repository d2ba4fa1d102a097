package com.tagline.station.run;

import com.tagline.hardware.IoReason;
import com.tagline.station.store.StoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The station's data directory: made when missing, refused with one line naming it when it cannot hold the store. */
public final class DataDirectory {
    private DataDirectory() {
    }

    /**
     * Creates {@code dir} (and its parents) when missing.
     *
     * @return {@code dir}
     * @throws StoreException naming the directory and why it cannot be used
     */
    public static Path create(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StoreException("open", "the data directory " + dir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("open", "the data directory " + dir + " cannot be made: " + e.getFile()
                    + " is a file");
        } catch (IOException e) {
            throw new StoreException("open", "the data directory " + dir + " cannot be made: " + IoReason.of(e));
        } catch (SecurityException e) {
            throw new StoreException("open", "the data directory " + dir + " cannot be made (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException("open", "the data directory " + dir + " is not writable by this user");
        }
        return dir;
    }
}
