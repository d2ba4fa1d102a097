package com.tagline.hardware.pn532;

import com.tagline.hardware.serial.SerialLink;
import com.tagline.hardware.tag.ExchangeInDoubtException;
import com.tagline.hardware.tag.TransportException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host side of one PN532 command dialog (UM0701-02 §6.2.3; pn532.md §1): command frame → ACK
 * → response. Robustness rules:
 * <ul>
 *   <li>stale input is discarded before every command (libnfc does the same, pn532.md §5.2);</li>
 *   <li>no ACK within {@code ack} ⇒ the same frame is sent again, up to {@code ackAttempts} sends, but only
 *       for commands the PN532 may run twice: InDataExchange and InCommunicateThru carry a command to the
 *       chip, and a PN532 that got the first copy (its ACK merely late) has already passed it on, so the
 *       chip would see it twice. Those are aborted (ACK) and end in {@link ExchangeInDoubtException};</li>
 *   <li>a corrupt response ⇒ NACK, "retransmit the last response frame" (UM0701-02 §6.2.1.4);</li>
 *   <li>no response in time, or still corrupt after the NACKs ⇒ ACK to abort the command (UM0701-02 §6.2.1.3),
 *       input drained, then {@link TransportException}; for InDataExchange and InCommunicateThru
 *       {@link ExchangeInDoubtException}, because the PN532 acknowledged the frame and passed the command on: the
 *       chip may have run it, only its answer was lost;</li>
 *   <li>the syntax-error frame ⇒ {@link Pn532FrameException}.</li>
 * </ul>
 * Frames are logged at TRACE. Not thread-safe: the reader thread owns it.
 */
final class Pn532Dialog {
    private static final Logger LOG = LoggerFactory.getLogger(Pn532Dialog.class);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] ACK = Pn532FrameCodec.encode(new Pn532Frame.Ack());
    private static final byte[] NACK = Pn532FrameCodec.encode(new Pn532Frame.Nack());
    /** InDataExchange and InCommunicateThru (UM0701-02 §7.3.8, §7.3.9): they pass a command on to the chip. */
    private static final java.util.Set<Integer> TO_THE_CHIP = java.util.Set.of(0x40, 0x42);

    private final SerialLink link;
    private final Pn532Settings settings;
    private final Pn532FrameDecoder decoder = new Pn532FrameDecoder();
    private final byte[] buffer = new byte[512];

    Pn532Dialog(SerialLink link, Pn532Settings settings) {
        this.link = link;
        this.settings = settings;
    }

    /**
     * Runs one command and returns the response payload (the bytes after the response code).
     *
     * @param prefix bytes sent right before the frame on every attempt (the HSU wake-up), or empty
     */
    byte[] command(String name, int code, byte[] params, Duration timeout, byte[] prefix) {
        byte[] frame = Pn532FrameCodec.encode(Pn532Frame.Information.command(code, params));
        byte[] bytes = concat(prefix, frame);
        discardInput();
        AckOutcome outcome;
        for (int attempt = 1; ; attempt++) {
            send(bytes);
            outcome = awaitAck(name, code);
            if (outcome.acknowledged()) {
                break;
            }
            if (TO_THE_CHIP.contains(code)) {
                abort();
                throw new ExchangeInDoubtException("no ACK for " + name + " within " + settings.timeouts().ack().toMillis()
                        + " ms: the chip may have received the command; not sent again, the exchange was aborted");
            }
            if (attempt >= settings.ackAttempts()) {
                abort();
                throw new TransportException("no ACK for " + name + " after " + attempt + " attempts");
            }
            LOG.debug("no ACK, resending command={} attempt={}", name, attempt + 1);
        }
        Pn532Frame.Information response = outcome.early() != null ? outcome.early()
                : awaitResponse(name, code, timeout);
        return response.payload();
    }

    /** Sends a host ACK, e.g. to confirm SetSerialBaudRate (nfcpy pn532.py). */
    void sendAck() {
        send(ACK);
    }

    /** Abort the running command with an ACK (UM0701-02 §6.2.1.3) and drain what it still sends. */
    void abort() {
        send(ACK);
        long quietNanos = settings.timeouts().abortDrain().toNanos();
        int discarded = 0;
        int n;
        while ((n = link.read(buffer, 0, buffer.length, Duration.ofNanos(quietNanos))) > 0) {
            discarded += n;
        }
        decoder.reset();
        LOG.debug("command aborted discardedBytes={}", discarded);
    }

    /**
     * What came back after a command frame: nothing in time, an ACK, or (its ACK lost on the line)
     * the response itself, carried in {@code early}.
     */
    private record AckOutcome(boolean acknowledged, Pn532Frame.Information early) {
        static final AckOutcome NONE = new AckOutcome(false, null);
        static final AckOutcome ACKED = new AckOutcome(true, null);
    }

    private AckOutcome awaitAck(String name, int code) {
        long deadline = System.nanoTime() + settings.timeouts().ack().toNanos();
        while (true) {
            Pn532FrameDecoder.Result result = next(deadline);
            if (result == null) {
                return AckOutcome.NONE;
            }
            if (result instanceof Pn532FrameDecoder.Result.Corrupt c) {
                LOG.debug("corrupt frame instead of ACK, assuming ACK command={} reason={}", name, c.reason());
                return AckOutcome.ACKED;
            }
            Pn532Frame frame = ((Pn532FrameDecoder.Result.Frame) result).frame();
            if (frame instanceof Pn532Frame.Ack) {
                return AckOutcome.ACKED;
            } else if (frame instanceof Pn532Frame.ErrorFrame) {
                throw new Pn532FrameException(name + " answered with the syntax error frame");
            } else if (frame instanceof Pn532Frame.Information info && isResponseTo(name, code, info)) {
                LOG.debug("response without ACK command={}", name);
                return new AckOutcome(true, info);
            }
        }
    }

    private Pn532Frame.Information awaitResponse(String name, int code, Duration timeout) {
        int nacks = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Pn532FrameDecoder.Result result = next(deadline);
            if (result == null) {
                abort();
                throw lost(code, "no response to " + name + " within " + timeout.toMillis() + " ms");
            }
            if (result instanceof Pn532FrameDecoder.Result.Corrupt c) {
                if (nacks >= settings.nackAttempts()) {
                    abort();
                    throw lost(code, "corrupt response to " + name + " after " + nacks + " NACKs: " + c.reason());
                }
                nacks++;
                LOG.debug("corrupt response, sending NACK command={} reason={} nack={}", name, c.reason(), nacks);
                send(NACK);
                deadline = System.nanoTime() + timeout.toNanos();
                continue;
            }
            Pn532Frame frame = ((Pn532FrameDecoder.Result.Frame) result).frame();
            if (frame instanceof Pn532Frame.ErrorFrame) {
                throw new Pn532FrameException(name + " answered with the syntax error frame");
            }
            if (frame instanceof Pn532Frame.Information info && isResponseTo(name, code, info)) {
                return info;
            }
        }
    }

    /** The answer of an acknowledged command was lost: in doubt when the command went on to the chip. */
    private static RuntimeException lost(int code, String what) {
        return TO_THE_CHIP.contains(code)
                ? new ExchangeInDoubtException(what + ": the chip may have run the command; the exchange was aborted")
                : new TransportException(what);
    }

    /** True for this command's response; other frames are stale and skipped (logged). */
    private static boolean isResponseTo(String name, int code, Pn532Frame.Information info) {
        if (info.tfi() != Pn532Frame.TFI_PN532_TO_HOST) {
            throw new Pn532FrameException(name + ": frame with TFI " + String.format("%02X", info.tfi())
                    + " from the PN532, expected D5");
        }
        if (info.code() != ((code + 1) & 0xFF)) {
            LOG.debug("stale response skipped command={} code={}", name, String.format("%02X", info.code()));
            return false;
        }
        return true;
    }

    /** The next decoded result, reading the link until {@code deadline}; null on time-out. */
    private Pn532FrameDecoder.Result next(long deadline) {
        while (true) {
            Optional<Pn532FrameDecoder.Result> polled = decoder.poll();
            if (polled.isPresent()) {
                return polled.get();
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return null;
            }
            int n = link.read(buffer, 0, buffer.length, Duration.ofNanos(remaining));
            if (n > 0) {
                if (LOG.isTraceEnabled()) {
                    LOG.trace("rx {}", HEX.formatHex(buffer, 0, n));
                }
                decoder.feed(buffer, 0, n);
            }
        }
    }

    private void discardInput() {
        int discarded = decoder.buffered();
        int n;
        while ((n = link.read(buffer, 0, buffer.length, Duration.ZERO)) > 0) {
            discarded += n;
        }
        decoder.reset();
        if (discarded > 0) {
            LOG.debug("stale input discarded bytes={}", discarded);
        }
    }

    private void send(byte[] bytes) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("tx {}", HEX.formatHex(bytes));
        }
        link.write(bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
