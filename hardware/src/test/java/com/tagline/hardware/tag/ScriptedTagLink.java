package com.tagline.hardware.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * A strict transcript: each transceive must send exactly the next expected C-APDU and gets the
 * scripted R-APDU (architecture §7: scripted transcripts rather than mocks).
 */
public final class ScriptedTagLink implements TagLink {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private final Deque<String[]> script = new ArrayDeque<>();
    private final Target target;

    public ScriptedTagLink(Target target) {
        this.target = target;
    }

    public ScriptedTagLink expect(String command, String response) {
        script.add(new String[] {clean(command), clean(response)});
        return this;
    }

    private static String clean(String hex) {
        return hex.replaceAll("\\s+", "").toUpperCase();
    }

    @Override
    public byte[] transceive(byte[] apdu) {
        assertTrue(!script.isEmpty(), "unexpected extra command " + HEX.formatHex(apdu));
        String[] next = script.poll();
        assertEquals(next[0], HEX.formatHex(apdu), "command bytes");
        return HEX.parseHex(next[1]);
    }

    @Override
    public byte[] transceiveRaw(byte[] frame, Duration timeout) {
        throw new AssertionError("no raw frames expected");
    }

    @Override
    public Target target() {
        return target;
    }

    public void assertDone() {
        assertTrue(script.isEmpty(), "script has " + script.size() + " unsent commands");
    }
}
