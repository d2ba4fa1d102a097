package com.tagline.hardware.pn532;

import java.util.Arrays;
import java.util.Optional;

/**
 * Incremental decoder of the PN532 frame stream (UM0701-02 §6.2.1). Bytes arrive in arbitrary
 * pieces through {@link #feed}; {@link #poll} yields each complete frame once.
 *
 * <p>The decoder hunts for the start code {@code 00 FF}: preambles of any length, postambles, the
 * HSU wake-up bytes {@code 55} and line noise are skipped (UM0701-02 §6.2.1.6). A frame whose LCS
 * or DCS does not verify is reported as {@link Result.Corrupt}; after a bad DCS (the length was
 * trustworthy) the whole frame is dropped, after a bad LCS only its start code, and the hunt
 * resumes. The postamble is not awaited, so a frame is available as soon as its DCS arrives.
 *
 * <p>Not thread-safe: one reader thread feeds and polls.
 */
public final class Pn532FrameDecoder {
    /**
     * Default largest LEN accepted: the PN532 firmware limits a packet to 265 bytes including the
     * TFI (UM0701-02 §6.2.1.2). Larger claimed lengths are reported as corrupt.
     */
    public static final int DEFAULT_MAX_LENGTH = 265;

    /** A decoded frame, or a frame that failed its checks. */
    public sealed interface Result {
        /** A frame whose checksums verified. */
        record Frame(Pn532Frame frame) implements Result {
        }

        /** Bytes that started like a frame but failed a check; {@code reason} says which. */
        record Corrupt(String reason) implements Result {
        }
    }

    private final int maxLength;
    private byte[] buffer = new byte[512];
    private int head;
    private int tail;

    public Pn532FrameDecoder() {
        this(DEFAULT_MAX_LENGTH);
    }

    /** @param maxLength largest LEN (TFI + PD bytes) accepted, 1..65535 */
    public Pn532FrameDecoder(int maxLength) {
        if (maxLength < 1 || maxLength > Pn532FrameCodec.EXTENDED_MAX_LENGTH) {
            throw new IllegalArgumentException("maxLength out of range: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /** Appends {@code buf[off..off+len)} to the stream. */
    public void feed(byte[] buf, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, buf.length);
        if (tail + len > buffer.length) {
            int size = tail - head;
            byte[] target = size + len > buffer.length ? new byte[Math.max(buffer.length * 2, size + len)] : buffer;
            System.arraycopy(buffer, head, target, 0, size);
            buffer = target;
            head = 0;
            tail = size;
        }
        System.arraycopy(buf, off, buffer, tail, len);
        tail += len;
    }

    /** The next frame or corruption report, or empty when more bytes are needed. */
    public Optional<Result> poll() {
        while (true) {
            if (!huntStartCode()) {
                return Optional.empty();
            }
            Step step = parseAtStart();
            if (step.result != null) {
                head += step.consumed;
                return Optional.of(step.result);
            }
            if (step.consumed == 0) {
                return Optional.empty();
            }
            head += step.consumed;
        }
    }

    /** Drops everything buffered, e.g. after an abort (UM0701-02 §6.2.1.3). */
    public void reset() {
        head = 0;
        tail = 0;
    }

    /** Count of bytes fed but not yet consumed. */
    public int buffered() {
        return tail - head;
    }

    /** Advances {@code head} to a {@code 00 FF} start code; false when none is buffered yet. */
    private boolean huntStartCode() {
        for (int i = head; i + 1 < tail; i++) {
            if (buffer[i] == 0x00 && buffer[i + 1] == (byte) 0xFF) {
                head = i;
                return true;
            }
        }
        // Keep a trailing 00: it may be the first half of a start code split across feeds.
        head = tail > head && buffer[tail - 1] == 0x00 ? tail - 1 : tail;
        return false;
    }

    /** The outcome at a start code: a result, a skip (consumed &gt; 0, no result), or need-more (0). */
    private record Step(int consumed, Result result) {
        static final Step NEED_MORE = new Step(0, null);
    }

    private Step parseAtStart() {
        int available = tail - head;
        if (available < 4) {
            return Step.NEED_MORE;
        }
        int b2 = at(2);
        int b3 = at(3);
        if (b2 == 0x00 && b3 == 0xFF) {
            return frame(4, new Pn532Frame.Ack());
        }
        if (b2 == 0xFF && b3 == 0x00) {
            return frame(4, new Pn532Frame.Nack());
        }
        if (b2 == 0xFF && b3 == 0xFF) {
            return parseExtended(available);
        }
        if (((b2 + b3) & 0xFF) != 0) {
            return new Step(2, new Result.Corrupt(String.format("length checksum mismatch: LEN %02X LCS %02X", b2, b3)));
        }
        return parseBody(4, b2, available);
    }

    private Step parseExtended(int available) {
        if (available < 7) {
            return Step.NEED_MORE;
        }
        int lenM = at(4);
        int lenL = at(5);
        int lcs = at(6);
        if (((lenM + lenL + lcs) & 0xFF) != 0) {
            return new Step(2, new Result.Corrupt(
                    String.format("extended length checksum mismatch: LEN %02X%02X LCS %02X", lenM, lenL, lcs)));
        }
        return parseBody(7, (lenM << 8) | lenL, available);
    }

    /** Parses TFI, PD and DCS of a frame whose LEN verified; {@code start} is the TFI offset. */
    private Step parseBody(int start, int length, int available) {
        if (length == 0 || length > maxLength) {
            return new Step(2, new Result.Corrupt("frame length " + length + " outside 1.." + maxLength));
        }
        if (available < start + length + 1) {
            return Step.NEED_MORE;
        }
        int sum = 0;
        for (int i = 0; i <= length; i++) {
            sum += at(start + i);
        }
        int consumed = start + length + 1;
        if ((sum & 0xFF) != 0) {
            return new Step(consumed, new Result.Corrupt(
                    String.format("data checksum mismatch: DCS %02X", at(start + length))));
        }
        int tfi = at(start);
        if (length == 1 && tfi == 0x7F) {
            return frame(consumed, new Pn532Frame.ErrorFrame());
        }
        byte[] data = Arrays.copyOfRange(buffer, head + start + 1, head + start + length);
        return frame(consumed, new Pn532Frame.Information(tfi, data));
    }

    private static Step frame(int consumed, Pn532Frame frame) {
        return new Step(consumed, new Result.Frame(frame));
    }

    private int at(int offset) {
        return buffer[head + offset] & 0xFF;
    }
}
