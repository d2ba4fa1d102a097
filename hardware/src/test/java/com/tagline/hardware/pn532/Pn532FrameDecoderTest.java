package com.tagline.hardware.pn532;

import static com.tagline.hardware.pn532.Hex.h;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Pn532FrameDecoderTest {
    /** ACK + GetFirmwareVersion response, as libnfc reads them (pn532.md §1), then an extended frame. */
    private static final byte[] STREAM = concat(h(Hex.ACK), h("0000FF06FAD50332010607E800"),
            Pn532FrameCodec.encode(new Pn532Frame.Information(0xD5, new byte[300])), h(Hex.ERROR_FRAME), h(Hex.NACK));

    private static final List<Pn532FrameDecoder.Result> EXPECTED = List.of(
            frame(new Pn532Frame.Ack()),
            frame(Pn532Frame.Information.response(0x03, h("32010607"))),
            frame(new Pn532Frame.Information(0xD5, new byte[300])),
            frame(new Pn532Frame.ErrorFrame()),
            frame(new Pn532Frame.Nack()));

    private static Pn532FrameDecoder.Result frame(Pn532Frame f) {
        return new Pn532FrameDecoder.Result.Frame(f);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    private static List<Pn532FrameDecoder.Result> drain(Pn532FrameDecoder decoder) {
        List<Pn532FrameDecoder.Result> out = new ArrayList<>();
        for (Optional<Pn532FrameDecoder.Result> r = decoder.poll(); r.isPresent(); r = decoder.poll()) {
            out.add(r.get());
        }
        return out;
    }

    @Test
    void oneByteAtATime() {
        Pn532FrameDecoder decoder = new Pn532FrameDecoder(512);
        List<Pn532FrameDecoder.Result> results = new ArrayList<>();
        for (int i = 0; i < STREAM.length; i++) {
            decoder.feed(STREAM, i, 1);
            results.addAll(drain(decoder));
        }
        assertEquals(EXPECTED, results);
    }

    @Test
    void splitAtEveryPoint() {
        for (int cut = 0; cut <= STREAM.length; cut++) {
            Pn532FrameDecoder decoder = new Pn532FrameDecoder(512);
            decoder.feed(STREAM, 0, cut);
            List<Pn532FrameDecoder.Result> results = new ArrayList<>(drain(decoder));
            decoder.feed(STREAM, cut, STREAM.length - cut);
            results.addAll(drain(decoder));
            assertEquals(EXPECTED, results, "split at " + cut);
        }
    }

    @Test
    void splitAtEveryPairOfPointsInTheFirstFrames() {
        int limit = 19; // ACK + firmware response
        for (int a = 0; a <= limit; a++) {
            for (int b = a; b <= limit; b++) {
                Pn532FrameDecoder decoder = new Pn532FrameDecoder(512);
                List<Pn532FrameDecoder.Result> results = new ArrayList<>();
                decoder.feed(STREAM, 0, a);
                results.addAll(drain(decoder));
                decoder.feed(STREAM, a, b - a);
                results.addAll(drain(decoder));
                decoder.feed(STREAM, b, STREAM.length - b);
                results.addAll(drain(decoder));
                assertEquals(EXPECTED, results, "split at " + a + "/" + b);
            }
        }
    }

    @Test
    void skipsWakeUpPreambleAndNoise() {
        // HSU wake-up bytes, a noise without a start code, then a long preamble (UM0701-02 §6.2.1.6).
        byte[] noisy = concat(h("5555000000000000"), h("1337FF42FFFF"), h("00000000"), h("0000FF02FED5151600"));
        Pn532FrameDecoder decoder = new Pn532FrameDecoder();
        decoder.feed(noisy, 0, noisy.length);
        assertEquals(List.of(frame(Pn532Frame.Information.response(0x15))), drain(decoder));
    }

    @Test
    void badLengthChecksumIsCorruptThenResynchronizes() {
        byte[] bad = concat(h("0000FF06FBD50332010607E800"), h("0000FF02FED5151600"));
        Pn532FrameDecoder decoder = new Pn532FrameDecoder();
        decoder.feed(bad, 0, bad.length);
        List<Pn532FrameDecoder.Result> results = drain(decoder);
        assertEquals(2, results.size(), results.toString());
        assertTrue(((Pn532FrameDecoder.Result.Corrupt) results.get(0)).reason().contains("length checksum"));
        assertEquals(frame(Pn532Frame.Information.response(0x15)), results.get(1));
    }

    @Test
    void badDataChecksumIsCorruptOnceAndTheFrameIsDropped() {
        // DCS E8 → E9; the frame contains no other start code, so exactly one Corrupt.
        byte[] bad = concat(h("0000FF06FAD50332010607E900"), h(Hex.ACK));
        Pn532FrameDecoder decoder = new Pn532FrameDecoder();
        for (byte b : bad) {
            decoder.feed(new byte[] {b}, 0, 1);
        }
        List<Pn532FrameDecoder.Result> results = drain(decoder);
        assertEquals(2, results.size(), results.toString());
        assertTrue(((Pn532FrameDecoder.Result.Corrupt) results.get(0)).reason().contains("data checksum"));
        assertEquals(frame(new Pn532Frame.Ack()), results.get(1));
    }

    @Test
    void lengthAboveTheLimitIsCorrupt() {
        byte[] big = Pn532FrameCodec.encode(new Pn532Frame.Information(0xD5, new byte[300]));
        Pn532FrameDecoder decoder = new Pn532FrameDecoder();
        decoder.feed(big, 0, big.length);
        Pn532FrameDecoder.Result first = decoder.poll().orElseThrow();
        assertInstanceOf(Pn532FrameDecoder.Result.Corrupt.class, first);
        assertTrue(((Pn532FrameDecoder.Result.Corrupt) first).reason().contains("301"));
    }

    @Test
    void extendedLengthChecksumIsVerified() {
        byte[] bad = h("0000FFFFFF0109F7D4");
        Pn532FrameDecoder decoder = new Pn532FrameDecoder();
        decoder.feed(bad, 0, bad.length);
        assertTrue(((Pn532FrameDecoder.Result.Corrupt) decoder.poll().orElseThrow()).reason()
                .contains("extended length checksum"));
    }

    @Test
    void incompleteFrameWaitsAndResetDropsIt() {
        byte[] partial = h("0000FF06FAD503");
        Pn532FrameDecoder decoder = new Pn532FrameDecoder();
        decoder.feed(partial, 0, partial.length);
        assertTrue(decoder.poll().isEmpty());
        decoder.reset();
        assertEquals(0, decoder.buffered());
        byte[] ack = h(Hex.ACK);
        decoder.feed(ack, 0, ack.length);
        assertEquals(frame(new Pn532Frame.Ack()), decoder.poll().orElseThrow());
    }
}
