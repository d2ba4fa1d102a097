package com.tagline.hardware.ntag223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.Target;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * A strict raw Type 2 transcript (architecture §7): each transceiveRaw must send exactly the next
 * expected frame (without CRC) and gets the scripted answer; a 4-bit ACK/NAK is one byte, "" is a mute tag.
 */
final class ScriptedType2Link implements TagLink {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private final Deque<String[]> script = new ArrayDeque<>();
    private final List<Duration> timeouts = new ArrayList<>();
    private final Target target;

    ScriptedType2Link(String uidHex) {
        this.target = new Target(HEX.parseHex(uidHex), 0x0044, 0x00, new byte[0]);
    }

    ScriptedType2Link expect(String frame, String answer) {
        script.add(new String[] {clean(frame), clean(answer)});
        return this;
    }

    /** Expects a WRITE-style frame answered by the 4-bit ACK. */
    ScriptedType2Link expectAck(String frame) {
        return expect(frame, "0A");
    }

    private static String clean(String hex) {
        return hex.replaceAll("\\s+", "").toUpperCase();
    }

    @Override
    public byte[] transceive(byte[] apdu) {
        throw new AssertionError("NTAG 223 DNA speaks raw Type 2 frames, not APDUs");
    }

    @Override
    public byte[] transceiveRaw(byte[] frame, Duration timeout) {
        assertTrue(!script.isEmpty(), "unexpected extra frame " + HEX.formatHex(frame));
        String[] next = script.poll();
        assertEquals(next[0], HEX.formatHex(frame), "frame bytes");
        timeouts.add(timeout);
        return HEX.parseHex(next[1]);
    }

    @Override
    public Target target() {
        return target;
    }

    List<Duration> timeouts() {
        return List.copyOf(timeouts);
    }

    void assertDone() {
        assertTrue(script.isEmpty(), "script has " + script.size() + " unsent frames");
    }
}
