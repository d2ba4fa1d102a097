package com.tagline.simulator.cli;

import com.tagline.hardware.serial.SerialLink;
import com.tagline.hardware.tag.TransportException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SerialLink} over a pty device opened as a file. jssc cannot configure a pty (its {@code setParams}
 * returns false on a socat pty, with or without RTS/DTR), so the line is set up with
 * {@code stty raw -echo min 0 time 1}: a read returns as soon as one byte is there, or after 100 ms with
 * none, so {@link #read} blocks in the kernel without spinning and still honours its timeout.
 *
 * <p>A pty has no line speed: {@link #baudRate} is accepted and ignored.
 *
 * <p>Threading: one reader thread and one writer thread at a time; {@link #close()} after the reader has
 * stopped (the emulator stops before its link closes).
 */
final class PtySerialLink implements SerialLink {
    private static final Duration STTY_TIMEOUT = Duration.ofSeconds(5);

    private final Path device;
    private final RandomAccessFile file;
    private volatile boolean closed;

    private PtySerialLink(Path device, RandomAccessFile file) {
        this.device = device;
        this.file = file;
    }

    /**
     * Puts {@code device} in raw mode and opens it for reading and writing.
     *
     * @throws IOException when stty fails or the device cannot be opened
     */
    static PtySerialLink open(Path device) throws IOException {
        Process stty = new ProcessBuilder("stty", "-F", device.toString(), "raw", "-echo", "min", "0", "time", "1")
                .redirectErrorStream(true)
                .start();
        try {
            if (!stty.waitFor(STTY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                stty.destroyForcibly();
                throw new IOException("stty on " + device + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while configuring " + device, e);
        }
        if (stty.exitValue() != 0) {
            throw new IOException("stty on " + device + " failed: "
                    + new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        return new PtySerialLink(device, new RandomAccessFile(device.toFile(), "rw"));
    }

    @Override
    public void write(byte[] data) {
        checkOpen();
        try {
            file.write(data);
        } catch (IOException e) {
            throw new TransportException("pty " + device + ": write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int read(byte[] buf, int off, int len, Duration timeout) {
        Objects.checkFromIndexSize(off, len, buf.length);
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            checkOpen();
            int n;
            try {
                n = file.read(buf, off, len); // -1: the 100 ms VTIME passed without a byte
            } catch (IOException e) {
                throw new TransportException("pty " + device + ": read failed: " + e.getMessage(), e);
            }
            if (n > 0) {
                return n;
            }
        } while (System.nanoTime() < deadline);
        return 0;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            file.close();
        } catch (IOException e) {
            throw new TransportException("pty " + device + ": close failed: " + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new TransportException("pty " + device + " closed");
        }
    }
}
