package com.tagline.simulator.pn532;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Faults the emulator injects (architecture §7). One-shot faults fire on the next matching event and
 * disarm; standing faults ({@link #responseDelay}, {@link #noise}) stay until changed or {@link #clear()}ed.
 * Output faults act on the bytes as written to the line; the emulator remembers the intact response, so a
 * host NACK gets the intact frame again (unless a fault hits the resend too).
 *
 * <p>Thread-safe: tests arm faults from their own thread while the emulator thread consumes them.
 */
public final class Pn532Faults {
    private int acksToLose;
    private int responsesToLose;
    private Drop drop;
    private Corruption corruption;
    private Duration responseDelay = Duration.ZERO;
    private double noiseProbability;
    private RandomGenerator noiseSource;
    private double byteLossProbability;
    private RandomGenerator byteLossSource;
    private LeavePoint leavePoint;
    private int wtxRequests;

    /** Drop {@code offset..offset+count} of one response frame. */
    record Drop(int offset, int count) {
    }

    /** XOR {@code mask} into byte {@code offset} of one response frame. */
    record Corruption(int offset, int mask) {
    }

    /** The next {@code count} ACK frames are lost on the line; the responses still follow. */
    public synchronized Pn532Faults loseAcks(int count) {
        this.acksToLose = nonNegative(count);
        return this;
    }

    /** The next {@code count} response frames (error frames included) are lost entirely. */
    public synchronized Pn532Faults loseResponses(int count) {
        this.responsesToLose = nonNegative(count);
        return this;
    }

    /** The next response frame loses {@code count} bytes starting at byte {@code offset} of its wire form. */
    public synchronized Pn532Faults dropResponseBytes(int offset, int count) {
        this.drop = new Drop(nonNegative(offset), nonNegative(count));
        return this;
    }

    /** The next response frame has {@code mask} XORed into byte {@code offset} of its wire form. */
    public synchronized Pn532Faults corruptResponseByte(int offset, int mask) {
        if (mask == 0 || mask > 0xFF || mask < 0) {
            throw new IllegalArgumentException("mask must be 01..FF");
        }
        this.corruption = new Corruption(nonNegative(offset), mask);
        return this;
    }

    /**
     * Every response waits {@code delay} after the ACK (a slow PN532); a host ACK during the wait aborts the
     * command and no response is sent. {@link Duration#ZERO} turns it off.
     */
    public synchronized Pn532Faults responseDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.responseDelay = delay;
        return this;
    }

    /** Line noise: each written byte is replaced by a random other value with {@code probability}. */
    public synchronized Pn532Faults noise(double probability, RandomGenerator source) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0..1");
        }
        this.noiseProbability = probability;
        this.noiseSource = probability == 0 ? null : Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * Lost bytes: each byte written to the line is dropped with {@code probability} (a UART overrun, a USB
     * adapter's dropped packet), before {@link #noise} hits what is left. Standing, like noise.
     */
    public synchronized Pn532Faults loseBytes(double probability, RandomGenerator source) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0..1");
        }
        this.byteLossProbability = probability;
        this.byteLossSource = probability == 0 ? null : Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * The chip addressed by the next InDataExchange or InCommunicateThru leaves the field at {@code point};
     * the host gets status 01 (timeout) and the chip is no longer in {@link Pn532Emulator#chips()}.
     */
    public synchronized Pn532Faults chipLeavesOnNextExchange(LeavePoint point) {
        this.leavePoint = Objects.requireNonNull(point, "point");
        return this;
    }

    /**
     * The ISO-DEP chip that answers the next APDU first asks for more time {@code count} times with S(WTX)
     * (ISO/IEC 14443-4 §7.3): the firmware's ISO-DEP answers them itself, a host framing its own blocks sees them.
     */
    public synchronized Pn532Faults chipRequestsWaitingTimeExtension(int count) {
        this.wtxRequests = nonNegative(count);
        return this;
    }

    /** Disarms every fault. */
    public synchronized void clear() {
        acksToLose = 0;
        responsesToLose = 0;
        drop = null;
        corruption = null;
        responseDelay = Duration.ZERO;
        noiseProbability = 0;
        noiseSource = null;
        byteLossProbability = 0;
        byteLossSource = null;
        leavePoint = null;
        wtxRequests = 0;
    }

    synchronized Duration responseDelay() {
        return responseDelay;
    }

    synchronized int takeWtxRequests() {
        int count = wtxRequests;
        wtxRequests = 0;
        return count;
    }

    synchronized Optional<LeavePoint> takeLeavePoint() {
        LeavePoint point = leavePoint;
        leavePoint = null;
        return Optional.ofNullable(point);
    }

    /** The ACK as it goes on the line: empty when lost. */
    synchronized byte[] onAck(byte[] ack) {
        if (acksToLose > 0) {
            acksToLose--;
            return new byte[0];
        }
        return addNoise(ack);
    }

    /** A response frame as it goes on the line. */
    synchronized byte[] onResponse(byte[] frame) {
        if (responsesToLose > 0) {
            responsesToLose--;
            return new byte[0];
        }
        byte[] out = frame.clone();
        if (corruption != null) {
            if (corruption.offset() < out.length) {
                out[corruption.offset()] ^= (byte) corruption.mask();
            }
            corruption = null;
        }
        if (drop != null) {
            out = cut(out, drop);
            drop = null;
        }
        return addNoise(out);
    }

    private static byte[] cut(byte[] frame, Drop d) {
        int from = Math.min(d.offset(), frame.length);
        int to = (int) Math.min((long) from + d.count(), frame.length);
        byte[] out = new byte[frame.length - (to - from)];
        System.arraycopy(frame, 0, out, 0, from);
        System.arraycopy(frame, to, out, from, frame.length - to);
        return out;
    }

    private byte[] addNoise(byte[] written) {
        byte[] bytes = loseSome(written);
        if (noiseSource == null) {
            return bytes;
        }
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            if (noiseSource.nextDouble() < noiseProbability) {
                out[i] ^= (byte) (1 + noiseSource.nextInt(0xFF));
            }
        }
        return out;
    }

    private byte[] loseSome(byte[] bytes) {
        if (byteLossSource == null) {
            return bytes;
        }
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream(bytes.length);
        for (byte b : bytes) {
            if (byteLossSource.nextDouble() >= byteLossProbability) {
                kept.write(b);
            }
        }
        return kept.toByteArray();
    }

    private static int nonNegative(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("must not be negative: " + value);
        }
        return value;
    }
}
