package com.tagline.station.simulate.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened during a campaign, as it happened: the kills and the moment each one cut, the hangs (the station
 * did not answer within a bound), the station's ERROR lines and its exits that nobody asked for.
 *
 * <p>Threading: the campaign's thread.
 */
final class Tally {
    private static final int KEEP = 20;
    private int kills;
    private int killsMidSync;
    private final Map<String, Integer> moments = new TreeMap<>();
    private final List<String> hangs = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private int errorCount;
    private final List<String> exits = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    /** A kill at {@code moment}; {@code midSync}: outcomes were still on their way to the platform. */
    void killed(String moment, boolean midSync) {
        kills++;
        killsMidSync += midSync ? 1 : 0;
        moments.merge(moment, 1, Integer::sum);
    }

    void hang(String what) {
        hangs.add(what);
    }

    void stationError(String line) {
        errorCount++;
        if (errors.size() < KEEP) {
            errors.add(line);
        }
    }

    /** An invariant seen broken while the station ran. */
    void violation(String what) {
        violations.add(what);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    void exited(String what) {
        exits.add(what);
    }

    int kills() {
        return kills;
    }

    int killsMidSync() {
        return killsMidSync;
    }

    Map<String, Integer> moments() {
        return Map.copyOf(moments);
    }

    List<String> hangs() {
        return List.copyOf(hangs);
    }

    int errorCount() {
        return errorCount;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    List<String> exits() {
        return List.copyOf(exits);
    }
}
