package com.tagline.hardware.pn532;

import static com.tagline.hardware.pn532.Hex.h;
import static com.tagline.hardware.pn532.Hex.hex;

import com.tagline.hardware.serial.PipeSerialLink;
import com.tagline.hardware.serial.SerialLink;
import com.tagline.hardware.tag.TransportException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict scripted PN532 on the far end of a {@link PipeSerialLink} (architecture §7): each step
 * expects the exact next host bytes (however the host splits its writes) and answers exact bytes.
 * A mismatch, a missing or an extra host byte fails {@link #assertDone()}.
 */
final class ScriptedPn532 {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(5);

    private record Step(byte[] expected, List<byte[]> replies) {
    }

    private final PipeSerialLink host;
    private final SerialLink chip;
    private final List<Step> steps = new ArrayList<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private Thread thread;
    private volatile AssertionError failure;
    private volatile int completed;

    ScriptedPn532() {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        host = pair[0];
        chip = pair[1];
    }

    /** A scripted PN532 on {@code chipSide}, e.g. one end of a real pty pair; the caller owns the host end. */
    ScriptedPn532(SerialLink chipSide) {
        host = null;
        chip = chipSide;
    }

    /** The host end, for the driver under test. */
    PipeSerialLink hostLink() {
        return host;
    }

    /** Expects {@code hostHex} exactly, then writes each reply as a separate chunk. */
    ScriptedPn532 expect(String hostHex, String... replies) {
        List<byte[]> r = new ArrayList<>();
        for (String reply : replies) {
            r.add(h(reply));
        }
        steps.add(new Step(h(hostHex), r));
        return this;
    }

    /** A well-behaved dialog: command frame {@code D4 cmdPd} → ACK, then response {@code D5 rspPd}. */
    ScriptedPn532 command(String cmdPd, String rspPd) {
        return expect(Hex.cmd(cmdPd), Hex.ACK, Hex.rsp(rspPd));
    }

    /** Writes bytes now, before any step: stale input the host must discard. */
    ScriptedPn532 unsolicited(String hex) {
        chip.write(h(hex));
        return this;
    }

    ScriptedPn532 start() {
        thread = new Thread(this::run, "scripted-pn532");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run() {
        byte[] buf = new byte[1024];
        byte[] pending = new byte[0];
        try {
            for (Step step : steps) {
                long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
                while (pending.length < step.expected.length) {
                    long left = deadline - System.nanoTime();
                    int n = left <= 0 ? 0 : chip.read(buf, 0, buf.length, Duration.ofNanos(left));
                    if (n == 0) {
                        fail(step, pending, "host sent too few bytes");
                        return;
                    }
                    received.write(buf, 0, n);
                    pending = concat(pending, Arrays.copyOf(buf, n));
                }
                byte[] got = Arrays.copyOf(pending, step.expected.length);
                if (!Arrays.equals(got, step.expected)) {
                    fail(step, got, "host bytes differ");
                    return;
                }
                pending = Arrays.copyOfRange(pending, step.expected.length, pending.length);
                for (byte[] reply : step.replies) {
                    chip.write(reply);
                }
                completed++;
            }
            if (pending.length > 0) {
                failure = new AssertionError("host sent extra bytes " + hex(pending));
            }
        } catch (TransportException e) {
            if (completed < steps.size()) {
                failure = new AssertionError("link closed after " + completed + " of " + steps.size() + " steps", e);
            }
        }
    }

    private void fail(Step step, byte[] got, String what) {
        failure = new AssertionError(what + " at step " + (completed + 1) + ": expected " + hex(step.expected)
                + " but got " + hex(got));
    }

    /** Every step ran, nothing unexpected arrived, and no host bytes are left unread. */
    void assertDone() {
        try {
            thread.join(STEP_TIMEOUT.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (failure != null) {
            throw failure;
        }
        if (thread.isAlive() || completed < steps.size()) {
            throw new AssertionError("only " + completed + " of " + steps.size() + " steps ran");
        }
        byte[] extra = new byte[4096];
        int n;
        try {
            n = chip.read(extra, 0, extra.length, Duration.ZERO);
        } catch (TransportException closedAndDrained) {
            n = 0;
        }
        if (n > 0) {
            throw new AssertionError("host sent extra bytes " + hex(Arrays.copyOf(extra, n)));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
