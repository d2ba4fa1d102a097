package com.tagline.station.run;

import com.tagline.hardware.IoReason;
import com.tagline.station.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One store belongs to one station: a running station holds an exclusive lock on {@code station.lock} in its
 * data directory. Two stations on one store would encode from the same leased tags and release each other's
 * leases at shutdown (seen by hand: both said "running" and shared one lease). The lock is the operating
 * system's ({@code fcntl} through {@link FileChannel#tryLock()}), so a station killed with SIGKILL or by a
 * power cut leaves none behind; the file holds the holder's process id only to name it. The file is never
 * deleted: unlinking a lock file lets a third process lock a new file while the second holds the old one.
 *
 * <p>Threading: taken by the assembling thread, released by the closing one.
 */
public final class DataDirectoryLock implements AutoCloseable {
    static final String FILE = "station.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir}, which exists, and writes this process's id into it.
     *
     * @throws StoreException naming the directory and the process holding it, when another station runs on it
     */
    public static DataDirectoryLock take(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel = open(file);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new StoreException("open", "the data directory " + dir + " is in use by another station ("
                        + holderOf(file) + "); one store belongs to one station: stop that station or give this one"
                        + " its own store.data_dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("open", "cannot lock " + file + ": " + IoReason.of(e), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Who holds the lock of {@code dir} now, without keeping it: empty when no station runs on it (or the
     * directory has no lock file yet), else "process N".
     */
    public static Optional<String> holder(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
            return Optional.of(holderOf(file));
        } catch (IOException e) {
            return Optional.empty(); // not ours to read (another user's directory): the store check says so
        }
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("open", "cannot open " + file + ": " + IoReason.of(e), e);
        }
    }

    /** The lock, or null when another process holds it; one held by this process counts as another's. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // a station of this very process (simulate runs several) holds it
        }
    }

    private static String holderOf(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d{1,10}") ? "process " + pid : "a process that has not written its id yet";
        } catch (IOException e) {
            return "a process whose id cannot be read";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock was never ours; nothing to give back
        }
    }

    /** Gives the data directory back; closing the channel releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }
}
