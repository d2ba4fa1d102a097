package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.tagline.hardware.pn532.Pn532Frame;
import com.tagline.hardware.pn532.Pn532FrameCodec;
import com.tagline.hardware.pn532.Pn532FrameDecoder;
import com.tagline.hardware.serial.PipeSerialLink;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The host end of a pipe to an emulator, driven by a script of exact frames: writes commands as libnfc
 * frames them and asserts every byte that comes back.
 */
final class ScriptedHost implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String ACK = "0000FF00FF00";
    static final String NACK = "0000FFFF0000";
    static final String ERROR_FRAME = "0000FF01FF7F8100";
    /** libnfc 1.8.0 pn532_uart_wakeup: 55 55 and 14 × 00 (pn532.md §2). */
    static final String LIBNFC_WAKE_UP = "5555" + "00".repeat(14);

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    final PipeSerialLink link;
    /** The emulator's end of the pipe. */
    final PipeSerialLink emulatorLink;
    final Pn532Emulator emulator;

    private ScriptedHost(PipeSerialLink link, PipeSerialLink emulatorLink, Pn532Emulator emulator) {
        this.link = link;
        this.emulatorLink = emulatorLink;
        this.emulator = emulator;
    }

    /** A started emulator on a fresh pipe. */
    static ScriptedHost start() {
        return start(new Pn532Registers());
    }

    static ScriptedHost start(Pn532Registers registers) {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        Pn532Emulator emulator = new Pn532Emulator(pair[1], registers);
        emulator.start();
        return new ScriptedHost(pair[0], pair[1], emulator);
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** The CRC_A (ISO/IEC 14443-3 Annex B) of the bytes in {@code hex}, as hex. */
    static String crcHex(String hex) {
        byte[] b = hex(hex);
        return hex(CrcA.of(b, 0, b.length));
    }

    /** The wire form of a host command frame (TFI D4) with these PD bytes. */
    static String commandFrame(String pd) {
        return hex(Pn532FrameCodec.encode(new Pn532Frame.Information(Pn532Frame.TFI_HOST_TO_PN532, hex(pd))));
    }

    /** The wire form of a PN532 response frame (TFI D5) with these PD bytes. */
    static String responseFrame(String pd) {
        return hex(Pn532FrameCodec.encode(new Pn532Frame.Information(Pn532Frame.TFI_PN532_TO_HOST, hex(pd))));
    }

    void write(String rawHex) {
        link.write(hex(rawHex));
    }

    void send(String pd) {
        write(commandFrame(pd));
    }

    /** Sends a command and asserts the exact ACK and response bytes. */
    void transact(String pd, String responsePd) {
        send(pd);
        expect(ACK);
        expect(responseFrame(responsePd));
    }

    /** Sends a command, asserts the ACK and returns the response PD bytes as hex (for variable answers). */
    String exchange(String pd) {
        send(pd);
        expect(ACK);
        return hex(readFrame());
    }

    /** Asserts that exactly these bytes come next. */
    void expect(String rawHex) {
        byte[] expected = hex(rawHex);
        assertEquals(hex(expected), hex(read(expected.length, TIMEOUT)));
    }

    /** Asserts that nothing arrives within {@code quiet}. */
    void expectSilence(Duration quiet) {
        byte[] b = new byte[64];
        int n = link.read(b, 0, b.length, quiet);
        if (n > 0) {
            fail("unexpected bytes: " + hex(java.util.Arrays.copyOf(b, n)));
        }
    }

    /** Reads what arrives until {@code quiet} passes without a byte; returns how many bytes came. */
    int drain(Duration quiet) {
        byte[] b = new byte[64];
        int total = 0;
        for (int n; (n = link.read(b, 0, b.length, quiet)) > 0; ) {
            total += n;
        }
        return total;
    }

    /** Reads one information frame and returns its PD bytes (TFI excluded). */
    byte[] readFrame() {
        Pn532FrameDecoder decoder = new Pn532FrameDecoder();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        byte[] one = new byte[1];
        while (System.nanoTime() < deadline) {
            Optional<Pn532FrameDecoder.Result> r = decoder.poll();
            if (r.isPresent()) {
                if (r.get() instanceof Pn532FrameDecoder.Result.Frame f
                        && f.frame() instanceof Pn532Frame.Information info) {
                    link.read(new byte[1], 0, 1, Duration.ofSeconds(1)); // postamble
                    return info.data();
                }
                fail("expected an information frame, got " + r.get());
            }
            if (link.read(one, 0, 1, Duration.ofMillis(100)) == 1) {
                decoder.feed(one, 0, 1);
            }
        }
        throw new AssertionError("no response frame within " + TIMEOUT);
    }

    byte[] read(int count, Duration timeout) {
        byte[] out = new byte[count];
        int got = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("expected " + count + " bytes, got " + got + ": " + hex(java.util.Arrays.copyOf(out, got)));
            }
            got += link.read(out, got, count - got, Duration.ofNanos(left));
        }
        return out;
    }

    @Override
    public void close() {
        emulator.stop();
        link.close();
    }
}
