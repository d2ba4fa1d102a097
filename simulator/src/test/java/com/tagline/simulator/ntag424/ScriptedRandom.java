package com.tagline.simulator.ntag424;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A random source that returns scripted byte strings, one per {@code nextBytes} call, and fails loudly when
 * a draw has another length than scripted or the script is exhausted. Lets tests replay published vectors
 * (the chip's draw order is documented on {@link SimulatedNtag424}).
 */
final class ScriptedRandom implements RandomGenerator {
    private final Deque<byte[]> script = new ArrayDeque<>();

    ScriptedRandom(String... hexDraws) {
        for (String h : hexDraws) {
            then(h);
        }
    }

    ScriptedRandom then(String hex) {
        script.addLast(HexFormat.of().parseHex(hex.replace(" ", "")));
        return this;
    }

    int remaining() {
        return script.size();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = script.pollFirst();
        if (next == null) {
            throw new AssertionError("chip drew " + bytes.length + " random bytes but the script is exhausted");
        }
        if (next.length != bytes.length) {
            throw new AssertionError("chip drew " + bytes.length + " random bytes, script has " + next.length);
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }

    @Override
    public long nextLong() {
        throw new AssertionError("the chip must draw random bytes with nextBytes only");
    }
}
