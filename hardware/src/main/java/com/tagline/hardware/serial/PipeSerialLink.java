package com.tagline.hardware.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * One end of an in-memory, full-duplex serial line (architecture §2). {@link #pair()} returns two
 * connected ends: bytes written on one are read on the other, in order.
 *
 * <p>Thread-safe; readers block on a condition (no busy-waiting). Closing either end closes the
 * line for both: a reader first drains bytes already written, then gets a
 * {@link com.tagline.hardware.tag.TransportException}, as a serial port whose peer vanished would.
 */
public final class PipeSerialLink implements SerialLink {
    private final ByteQueue inbound;
    private final ByteQueue outbound;
    private volatile int baud = 115_200;

    private PipeSerialLink(ByteQueue inbound, ByteQueue outbound) {
        this.inbound = inbound;
        this.outbound = outbound;
    }

    /** Two connected ends, e.g. host side {@code [0]} and PN532 emulator side {@code [1]}. */
    public static PipeSerialLink[] pair() {
        ByteQueue aToB = new ByteQueue("pipe");
        ByteQueue bToA = new ByteQueue("pipe");
        return new PipeSerialLink[] {new PipeSerialLink(bToA, aToB), new PipeSerialLink(aToB, bToA)};
    }

    @Override
    public void write(byte[] data) {
        Objects.requireNonNull(data, "data");
        outbound.put(data, 0, data.length);
    }

    @Override
    public int read(byte[] buf, int off, int len, Duration timeout) {
        Objects.checkFromIndexSize(off, len, buf.length);
        return inbound.take(buf, off, len, timeout);
    }

    /** Records the speed only; both ends of a pipe always agree. */
    @Override
    public void baudRate(int baud) {
        this.baud = baud;
    }

    /** The last speed set with {@link #baudRate(int)} on this end (115200 initially). */
    public int baud() {
        return baud;
    }

    /** True when bytes written by the peer are waiting to be read. */
    public boolean hasPendingInput() {
        return inbound.available() > 0;
    }

    /** True once either end was closed. */
    public boolean isClosed() {
        return inbound.isClosed();
    }

    @Override
    public void close() {
        inbound.close();
        outbound.close();
    }
}
