package com.tagline.simulator.cli;

import com.tagline.simulator.pn532.Pn532Faults;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The {@code fault ...} control lines of {@code simulator pn532}: the emulator's line faults (architecture §7) for a
 * test or an engineer driving a station through its pty, set while it runs.
 * <ul>
 *   <li>{@code fault noise P [SEED]}: each byte written to the line is changed with probability P (standing);</li>
 *   <li>{@code fault lose-bytes P [SEED]}: each byte written to the line is lost with probability P (standing);</li>
 *   <li>{@code fault lose-acks N}, {@code fault lose-responses N}: the next N ACK or response frames are lost;</li>
 *   <li>{@code fault delay MS}: every response waits MS after its ACK (a slow PN532; 0 turns it off);</li>
 *   <li>{@code fault clear}: every fault off.</li>
 * </ul>
 * A seed makes a run repeatable; without one each run rolls differently.
 */
final class FaultControl {
    static final String USAGE = "fault noise P [SEED] | fault lose-bytes P [SEED] | fault lose-acks N"
            + " | fault lose-responses N | fault delay MS | fault clear";

    private FaultControl() {
    }

    /**
     * Applies one {@code fault} line ({@code words[0]} is {@code fault}).
     *
     * @return the answer line
     * @throws IllegalArgumentException naming what was wrong; the faults are then unchanged
     */
    static String apply(Pn532Faults faults, String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("usage: " + USAGE);
        }
        String what = words[1];
        switch (what) {
            case "noise" -> faults.noise(probability(words), random(words));
            case "lose-bytes" -> faults.loseBytes(probability(words), random(words));
            case "lose-acks" -> faults.loseAcks(count(words));
            case "lose-responses" -> faults.loseResponses(count(words));
            case "delay" -> faults.responseDelay(Duration.ofMillis(count(words)));
            case "clear" -> {
                arguments(words, 0, 0);
                faults.clear();
            }
            default -> throw new IllegalArgumentException("unknown fault '" + what + "'; usage: " + USAGE);
        }
        return "fault " + String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length));
    }

    private static double probability(String[] words) {
        arguments(words, 1, 2);
        try {
            double p = Double.parseDouble(words[2]);
            if (!(p >= 0 && p <= 1)) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault " + words[1] + ": the probability must be a number 0..1, got '"
                    + words[2] + "'");
        }
    }

    private static SplittableRandom random(String[] words) {
        if (words.length < 4) {
            return new SplittableRandom();
        }
        try {
            return new SplittableRandom(Long.parseLong(words[3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault " + words[1] + ": the seed must be a whole number, got '"
                    + words[3] + "'");
        }
    }

    private static int count(String[] words) {
        arguments(words, 1, 1);
        try {
            int n = Integer.parseInt(words[2]);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault " + words[1] + ": expected a whole number 0 or more, got '"
                    + words[2] + "'");
        }
    }

    private static void arguments(String[] words, int least, int most) {
        int given = words.length - 2;
        if (given < least || given > most) {
            throw new IllegalArgumentException("fault " + words[1] + " takes " + (least == most ? least
                    : least + " to " + most) + " argument" + (most == 1 ? "" : "s") + "; usage: " + USAGE);
        }
    }
}
