package com.tagline.hardware.serial;

import com.tagline.hardware.tag.TransportException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-way, unbounded byte queue between a producer and a blocking consumer. Consumers wait on a
 * condition, never spin. Once closed (or failed) the queue still yields the bytes already in it,
 * then throws {@link TransportException}.
 */
final class ByteQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final String name;
    private byte[] bytes = new byte[256];
    private int head;
    private int tail;
    private boolean closed;
    private RuntimeException failure;

    ByteQueue(String name) {
        this.name = name;
    }

    void put(byte[] data, int off, int len) {
        lock.lock();
        try {
            if (closed) {
                throw closedException();
            }
            ensureRoom(len);
            System.arraycopy(data, off, bytes, tail, len);
            tail += len;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void ensureRoom(int extra) {
        if (tail + extra <= bytes.length) {
            return;
        }
        int size = tail - head;
        byte[] target = size + extra > bytes.length ? new byte[Math.max(bytes.length * 2, size + extra)] : bytes;
        System.arraycopy(bytes, head, target, 0, size);
        bytes = target;
        head = 0;
        tail = size;
    }

    /** Blocks up to {@code timeout} for data; returns the count copied, 0 on timeout. */
    int take(byte[] buf, int off, int len, Duration timeout) {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            long nanos = Math.max(0, timeout.toNanos());
            while (head == tail) {
                if (closed) {
                    throw closedException();
                }
                if (nanos <= 0) {
                    return 0;
                }
                nanos = readable.awaitNanos(nanos);
            }
            int n = Math.min(len, tail - head);
            System.arraycopy(bytes, head, buf, off, n);
            head += n;
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(name + ": interrupted while reading", e);
        } finally {
            lock.unlock();
        }
    }

    int available() {
        lock.lock();
        try {
            return tail - head;
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        fail(null);
    }

    /** Closes the queue; readers get a TransportException carrying {@code cause} once drained. */
    void fail(RuntimeException cause) {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                failure = cause;
            }
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private TransportException closedException() {
        return failure == null
                ? new TransportException(name + " closed")
                : new TransportException(name + " broken: " + failure.getMessage(), failure);
    }
}
