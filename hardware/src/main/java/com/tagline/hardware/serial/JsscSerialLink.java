package com.tagline.hardware.serial;

import com.tagline.hardware.tag.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port (UART, USB serial adapter or pty) through jssc, 8N1, no flow control.
 *
 * <p><b>Reading strategy.</b> jssc's timed {@code readBytes(n, timeout)} busy-spins a core and its
 * Linux event thread sleeps only ~0.1 ms between polls (libraries.md §2.3), and closing a port
 * while another thread reads can hang (jssc #95). This link therefore owns one daemon reader
 * thread that asks {@code getInputBufferBytesCount()}, reads exactly what is buffered, and
 * otherwise parks for {@code pollInterval} (1 ms by default: ≈ 12 byte times at 115200 baud). The
 * bytes go to an in-memory queue on which {@link #read} blocks without spinning. The reader thread
 * alone closes the port, after {@link #close()} asked it to stop.
 *
 * <p>A vanished device is detected two ways: a {@link SerialPortException} from jssc, or the
 * device node (e.g. a socat pty symlink or an unplugged {@code /dev/ttyUSB0}) no longer existing,
 * checked every {@code livenessInterval}. Either fails the link: the bytes already received can
 * still be read, then {@link #read} and {@link #write} throw {@link TransportException}.
 *
 * <p>Threading: {@link #write}, {@link #read} and {@link #baudRate} belong to the owner thread;
 * {@link #close()} may be called from any thread.
 */
public final class JsscSerialLink implements SerialLink {
    private static final Logger LOG = LoggerFactory.getLogger(JsscSerialLink.class);
    /** Default park time of the reader thread between two empty polls. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(1);
    /** Default period of the device-node existence check. */
    public static final Duration DEFAULT_LIVENESS_INTERVAL = Duration.ofMillis(500);

    private final SerialPort port;
    private final String path;
    private final ByteQueue inbound;
    private final long pollNanos;
    private final long livenessNanos;
    private final Thread reader;
    private volatile boolean closing;

    private JsscSerialLink(SerialPort port, String path, Duration pollInterval, Duration livenessInterval) {
        this.port = port;
        this.path = path;
        this.inbound = new ByteQueue(path);
        this.pollNanos = Math.max(10_000, pollInterval.toNanos());
        this.livenessNanos = livenessInterval.toNanos();
        this.reader = new Thread(this::readLoop, "jssc-reader " + path);
        this.reader.setDaemon(true);
    }

    /** Opens {@code path} at {@code baud}, 8N1, with the default poll and liveness intervals. */
    public static JsscSerialLink open(String path, int baud) {
        return open(path, baud, DEFAULT_POLL_INTERVAL, DEFAULT_LIVENESS_INTERVAL);
    }

    /**
     * Opens {@code path} at {@code baud}, 8N1, purges both buffers and starts the reader thread.
     *
     * @throws TransportException when the port does not exist, is busy or refuses the settings
     */
    public static JsscSerialLink open(String path, int baud, Duration pollInterval, Duration livenessInterval) {
        Objects.requireNonNull(path, "path");
        SerialPort port = new SerialPort(path);
        try {
            port.openPort();
            applyParams(port, baud);
            port.purgePort(SerialPort.PURGE_RXCLEAR | SerialPort.PURGE_TXCLEAR);
        } catch (SerialPortException | RuntimeException e) {
            closeQuietly(port);
            throw new TransportException("cannot open serial port " + path + ": " + SerialPortErrors.describe(e), e);
        }
        JsscSerialLink link = new JsscSerialLink(port, path, pollInterval, livenessInterval);
        link.reader.start();
        LOG.debug("serial port opened path={} baud={}", path, baud);
        return link;
    }

    /**
     * 8N1 at {@code baud}. jssc's native setParams applies the termios settings first and then sets
     * RTS/DTR with TIOCMGET/TIOCMSET, which a pty does not support: on a pty it reports failure
     * although the line settings took effect, so the result is trusted only for real ttys.
     */
    private static void applyParams(SerialPort port, int baud) throws SerialPortException {
        boolean ok = port.setParams(baud, SerialPort.DATABITS_8, SerialPort.STOPBITS_1, SerialPort.PARITY_NONE);
        if (!ok && !isPty(port.getPortName())) {
            throw new SerialPortException(port, "setParams", "baud rate " + baud + " refused");
        }
    }

    /** True for a pseudo-terminal slave ({@code /dev/pts/N}), also behind a symlink such as socat's. */
    static boolean isPty(String path) {
        try {
            return Path.of(path).toRealPath().toString().startsWith("/dev/pts/");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void write(byte[] data) {
        Objects.requireNonNull(data, "data");
        if (closing || inbound.isClosed()) {
            throw new TransportException("serial port " + path + " closed");
        }
        try {
            if (!port.writeBytes(data)) {
                throw new TransportException("serial port " + path + ": write failed");
            }
        } catch (SerialPortException e) {
            inbound.fail(new TransportException(SerialPortErrors.describe(e), e)); // the queue names the port
            throw new TransportException("serial port " + path + ": write failed: " + SerialPortErrors.describe(e), e);
        }
    }

    @Override
    public int read(byte[] buf, int off, int len, Duration timeout) {
        Objects.checkFromIndexSize(off, len, buf.length);
        return inbound.take(buf, off, len, timeout);
    }

    @Override
    public void baudRate(int baud) {
        try {
            applyParams(port, baud);
            LOG.debug("serial port speed path={} baud={}", path, baud);
        } catch (SerialPortException e) {
            throw new TransportException("serial port " + path + ": cannot set " + baud + " baud: "
                    + SerialPortErrors.describe(e), e);
        }
    }

    /** Stops the reader thread, which closes the port; waits up to one second for it. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(reader);
        if (Thread.currentThread() != reader) {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        inbound.close();
    }

    private void readLoop() {
        // Device nodes exist on Unix-like systems only; elsewhere jssc's own errors must do.
        boolean checkLiveness = livenessNanos > 0 && path.startsWith("/");
        long nextLivenessCheck = System.nanoTime() + livenessNanos;
        try {
            while (!closing) {
                int available = port.getInputBufferBytesCount();
                if (available < 0) {
                    throw new TransportException("serial port " + path + ": input count unavailable");
                }
                if (available > 0) {
                    byte[] chunk = port.readBytes(available);
                    if (chunk != null && chunk.length > 0) {
                        inbound.put(chunk, 0, chunk.length);
                    }
                    continue;
                }
                if (checkLiveness && System.nanoTime() - nextLivenessCheck >= 0) {
                    nextLivenessCheck = System.nanoTime() + livenessNanos;
                    if (!Files.exists(Path.of(path))) {
                        throw new TransportException("serial device " + path + " vanished");
                    }
                }
                LockSupport.parkNanos(this, pollNanos);
            }
        } catch (SerialPortException | RuntimeException e) {
            if (!closing) {
                String why = SerialPortErrors.describe(e);
                LOG.warn("serial port failed path={} error=\"{}\"", path, why);
                inbound.fail(e instanceof RuntimeException r ? r : new TransportException(why, e)); // named by the queue
            }
        } finally {
            closeQuietly(port);
            inbound.close();
            LOG.debug("serial port closed path={}", path);
        }
    }

    private static void closeQuietly(SerialPort port) {
        try {
            if (port.isOpened()) {
                port.closePort();
            }
        } catch (SerialPortException | RuntimeException e) {
            LOG.debug("serial port close failed path={} error={}", port.getPortName(), e.getMessage());
        }
    }
}
