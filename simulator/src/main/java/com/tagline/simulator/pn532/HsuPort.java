package com.tagline.simulator.pn532;

import com.tagline.hardware.pn532.Pn532Frame;
import com.tagline.hardware.pn532.Pn532FrameCodec;
import com.tagline.hardware.pn532.Pn532FrameDecoder;
import com.tagline.hardware.serial.SerialLink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PN532's side of the HSU line (UM0701-02 §6.2): decodes host frames, skips preambles, wake-up bytes
 * and corrupt frames (which get no ACK), writes ACKs and responses through the output faults, keeps the last
 * response for a NACK, and paces the line when the timing model says so.
 *
 * <p>While the emulator waits ({@link #await}) it keeps reading: a host ACK aborts the command (UM0701-02
 * §6.2.1.3), and so does a new command frame, which is then executed: the PN532 aborts whatever it is doing
 * when a new command arrives (UM0701-02 p. 38, as quoted in adafruit/Adafruit-PN532#85). NACKs are queued.
 * After PowerDown the port sleeps: bytes are ignored until a {@code 55} arrives (HSU wake-up, UM0701-02
 * §7.2.11; pn532.md §2).
 *
 * <p>Resynchronisation: a frame whose next byte does not arrive within {@link #INTER_BYTE_TIMEOUT} while the
 * port listens is dropped, so a host that died mid-frame (or a stray {@code 00 FF} followed by a large LEN)
 * cannot swallow the next host's wake-up preamble and frames. [inferred] UM0701-02 documents no HSU
 * inter-byte timeout; a host writes a frame in one go (libnfc, nfcpy and the station's driver do), and every
 * new host pauses longer than this before its first frame (libnfc's open flushes for 50 ms).
 *
 * <p>Threading: used by the emulator thread only.
 */
final class HsuPort {
    private static final Logger log = LoggerFactory.getLogger(HsuPort.class);
    /** Longest blocking read, so a stop request is seen promptly. */
    static final Duration READ_SLICE = Duration.ofMillis(100);
    /** Silence inside a frame after which its bytes are dropped (see the class comment). */
    static final Duration INTER_BYTE_TIMEOUT = Duration.ofMillis(20);
    private static final byte WAKE_UP = 0x55;
    private static final byte[] ACK = Pn532FrameCodec.encode(new Pn532Frame.Ack());

    private final SerialLink link;
    private final Pn532Faults faults;
    private final Meter meter;
    private final BooleanSupplier running;
    private final Pn532FrameDecoder decoder = new Pn532FrameDecoder();
    private final Deque<Pn532Frame> queued = new ArrayDeque<>();
    private final byte[] buffer = new byte[1024];
    private boolean asleep;
    private Duration owedInputTime = Duration.ZERO;
    private byte[] lastResponse;
    private long lastByteNanos = System.nanoTime();

    HsuPort(SerialLink link, Pn532Faults faults, Meter meter, BooleanSupplier running) {
        this.link = link;
        this.faults = faults;
        this.meter = meter;
        this.running = running;
    }

    /** The next valid frame from the host, or empty after one read slice without a complete frame. */
    Optional<Pn532Frame> next() {
        while (true) {
            if (!queued.isEmpty()) {
                return Optional.of(queued.poll());
            }
            Optional<Pn532Frame> frame = decodeOne();
            if (frame.isPresent()) {
                return frame;
            }
            if (!readSome(decoder.buffered() > 0 ? INTER_BYTE_TIMEOUT : READ_SLICE)) {
                return Optional.empty();
            }
        }
    }

    /**
     * Waits {@code duration} of real time while reading the line.
     *
     * @throws CommandAborted when the host sends an ACK (UM0701-02 §6.2.1.3) or the emulator stops
     */
    void await(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (true) {
            queueDecoded();
            if (!running.getAsBoolean()) {
                throw new CommandAborted("emulator stopping");
            }
            long left = deadline - System.nanoTime();
            if (duration.isZero() || left <= 0) {
                return;
            }
            readSome(Duration.ofNanos(Math.min(left, READ_SLICE.toNanos())));
        }
    }

    /**
     * Waits, reading the line, until the host aborts the command (ACK or a new command frame) or the emulator
     * stops: for commands that a PN532 keeps running with nothing to answer (target mode, endless retries).
     *
     * @throws CommandAborted always, once the wait ends
     */
    void awaitAbort() {
        while (true) {
            await(READ_SLICE);
        }
    }

    /** Waits the line time of the command bytes read so far (only in real-time timing). */
    void settleInput() {
        Duration owed = owedInputTime;
        owedInputTime = Duration.ZERO;
        await(owed);
    }

    void sendAck() {
        write(faults.onAck(ACK), "ACK");
    }

    /** Sends a response or error frame and keeps it for a NACK. */
    void sendResponse(byte[] frame) {
        lastResponse = frame.clone();
        write(faults.onResponse(frame), "response");
    }

    /** Answers a host NACK: the last response again (UM0701-02 §6.2.1.4); nothing if there was none. */
    void resendLast() {
        if (lastResponse == null) {
            log.debug("NACK with no previous response; ignored");
            return;
        }
        write(faults.onResponse(lastResponse), "response (resent)");
    }

    /** Sleeps until a wake-up byte {@code 55} arrives; input still buffered is discarded. */
    void powerDown() {
        asleep = true;
        decoder.reset();
        queued.clear();
    }

    void baudRate(int baud) {
        link.baudRate(baud);
    }

    private void write(byte[] wire, String what) {
        if (wire.length == 0) {
            log.debug("{} lost (fault injection)", what);
            return;
        }
        await(meter.bytesOut(wire.length));
        if (log.isTraceEnabled()) {
            log.trace("-> {} {}", what, HexFormat.ofDelimiter(" ").withUpperCase().formatHex(wire));
        }
        link.write(wire);
    }

    /**
     * Moves decoded frames to the queue; a host ACK among them aborts the command, and so does a new command
     * frame, which stays queued to be executed next.
     */
    private void queueDecoded() {
        Optional<Pn532Frame> frame;
        while ((frame = decodeOne()).isPresent()) {
            if (frame.get() instanceof Pn532Frame.Ack) {
                throw new CommandAborted("host ACK");
            }
            queued.add(frame.get());
            if (frame.get() instanceof Pn532Frame.Information) {
                throw new CommandAborted("new command frame");
            }
        }
    }

    private Optional<Pn532Frame> decodeOne() {
        while (true) {
            Optional<Pn532FrameDecoder.Result> result = decoder.poll();
            if (result.isEmpty()) {
                return Optional.empty();
            }
            if (result.get() instanceof Pn532FrameDecoder.Result.Frame f) {
                log.trace("<- {}", f.frame());
                return Optional.of(f.frame());
            }
            log.debug("corrupt host frame ignored, no ACK: {}", ((Pn532FrameDecoder.Result.Corrupt) result.get()).reason());
        }
    }

    /** Reads once; false when the timeout passed without data. */
    private boolean readSome(Duration timeout) {
        int n = link.read(buffer, 0, buffer.length, timeout);
        long now = System.nanoTime();
        if (n == 0) {
            dropStalePartialFrame(now);
            return false;
        }
        lastByteNanos = now;
        owedInputTime = owedInputTime.plus(meter.bytesIn(n));
        int start = 0;
        if (asleep) {
            while (start < n && buffer[start] != WAKE_UP) {
                start++;
            }
            if (start == n) {
                return true;
            }
            asleep = false;
            log.debug("woken up by 55 on HSU");
        }
        decoder.feed(buffer, start, n - start);
        return true;
    }

    /** The line stayed silent for {@link #INTER_BYTE_TIMEOUT} inside a frame: its bytes are dropped. */
    private void dropStalePartialFrame(long now) {
        int partial = decoder.buffered();
        if (partial > 0 && now - lastByteNanos >= INTER_BYTE_TIMEOUT.toNanos()) {
            decoder.reset();
            log.debug("event=partial_frame_dropped bytes={} silent_ms={}", partial,
                    (now - lastByteNanos) / 1_000_000);
        }
    }
}
