package com.tagline.station.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of its own for a test: {@code mount -t tmpfs -o size=N} on a directory (root only), a
 * filler file that eats its space, and the unmount. {@link #mount} says why it cannot instead of failing, so a
 * test can skip where mounting is not permitted.
 */
final class SizedTmpfs implements AutoCloseable {
    private final Path mountPoint;
    private final Path filler;

    private SizedTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler.bin");
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code dir} (created); empty with the reason when not possible. */
    static Result mount(Path dir, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String out = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0700", "tmpfs",
                dir.toString()));
        return out == null ? new Result(Optional.of(new SizedTmpfs(dir)), "")
                : new Result(Optional.empty(), "cannot mount a tmpfs here (" + out.strip() + ")");
    }

    /** A mounted file system, or why there is none. */
    record Result(Optional<SizedTmpfs> fs, String whyNot) {}

    long usable() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /** Grows the filler until {@code bytesLeft} or less are usable (0: until the file system is full). */
    void fillLeaving(long bytesLeft) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        try (FileChannel c = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (usable() > bytesLeft) {
                chunk.clear();
                chunk.limit((int) Math.min(chunk.capacity(), Math.max(4096, usable() - bytesLeft)));
                c.write(chunk);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    /** Deletes the filler: the space returns. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String out = run(List.of("umount", mountPoint.toString()));
        if (out != null) {
            String lazy = run(List.of("umount", "-l", mountPoint.toString()));
            if (lazy != null) {
                throw new IOException("cannot unmount " + mountPoint + ": " + out.strip() + "; " + lazy.strip());
            }
        }
    }

    /** Runs a command; null when it exited 0, else what it printed. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " did not finish within 20 s";
        }
        String out = new String(p.getInputStream().readAllBytes());
        return p.exitValue() == 0 ? null : out + " (exit " + p.exitValue() + ")";
    }
}
