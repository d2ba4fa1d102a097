package com.tagline.hardware.serial;

import java.time.Duration;

/**
 * A byte stream to a PN532 (architecture §2, lowest layer): a UART, a pty, a TCP serial server or
 * an in-memory pipe. No framing happens here.
 *
 * <p>Threading: one reader thread owns the link (architecture §3); {@link #close()} may be called
 * from any thread and wakes a blocked {@link #read}. Failure modes: every method throws
 * {@link com.tagline.hardware.tag.TransportException} when the link is closed or broken; a read
 * timeout is not a failure (it returns 0).
 */
public interface SerialLink extends AutoCloseable {
    /** Writes all of {@code data}; returns once the bytes are handed to the transport. */
    void write(byte[] data);

    /**
     * Reads at least one and at most {@code len} bytes into {@code buf[off..]}, blocking up to
     * {@code timeout}. Returns the count read (≥ 1), or 0 when the timeout passed without data.
     */
    int read(byte[] buf, int off, int len, Duration timeout);

    /**
     * Switches the host side to {@code baud} (PN532 SetSerialBaudRate, UM0701-02 §7.2.4). Links
     * without a line speed (pipes, TCP) ignore it.
     */
    default void baudRate(int baud) {
    }

    /** Releases the link; idempotent. */
    @Override
    void close();
}
