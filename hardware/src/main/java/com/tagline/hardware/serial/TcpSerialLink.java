package com.tagline.hardware.serial;

import com.tagline.hardware.tag.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial line exported over raw TCP, as ser2net's {@code raw} mode or socat's
 * {@code TCP-LISTEN} do. The remote end owns the line speed: {@link #baudRate(int)} is logged and
 * otherwise ignored, so do not configure a PN532 baud-rate change over TCP.
 *
 * <p>Reads block in the socket with {@code SO_TIMEOUT} (no spinning). Threading: the owner thread
 * reads and writes; {@link #close()} may come from any thread and fails a blocked read with a
 * {@link TransportException}. End of stream (the server closed) is a {@link TransportException}.
 */
public final class TcpSerialLink implements SerialLink {
    private static final Logger LOG = LoggerFactory.getLogger(TcpSerialLink.class);
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String address;
    private volatile boolean closed;

    private TcpSerialLink(Socket socket, String address) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.address = address;
    }

    /** Connects with {@link #DEFAULT_CONNECT_TIMEOUT}. */
    public static TcpSerialLink connect(String host, int port) {
        return connect(host, port, DEFAULT_CONNECT_TIMEOUT);
    }

    /** Connects to {@code host:port} with {@code TCP_NODELAY} (frames are small and latency-bound). */
    public static TcpSerialLink connect(String host, int port, Duration connectTimeout) {
        String address = host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
            LOG.debug("tcp serial link connected address={}", address);
            return new TcpSerialLink(socket, address);
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connect failure is the error worth reporting
            }
            throw new TransportException("cannot connect to tcp://" + address + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] data) {
        Objects.requireNonNull(data, "data");
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            throw new TransportException("tcp://" + address + ": write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int read(byte[] buf, int off, int len, Duration timeout) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (len == 0) {
            return 0;
        }
        try {
            if (timeout.isZero() || timeout.isNegative()) {
                int available = in.available();
                return available == 0 ? 0 : readSome(buf, off, Math.min(len, available));
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            return readSome(buf, off, len);
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            throw new TransportException("tcp://" + address + ": read failed: " + e.getMessage(), e);
        }
    }

    private int readSome(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n < 0) {
            throw new TransportException("tcp://" + address + ": connection closed by the server");
        }
        return n;
    }

    @Override
    public void baudRate(int baud) {
        LOG.debug("tcp serial link ignores a baud rate change address={} baud={}", address, baud);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("tcp serial link close failed address={} error={}", address, e.getMessage());
        }
    }
}
