package com.tagline.station.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.simulator.platform.tagbase.TagbaseState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sync benchmark's end-state check fails on every way the drain can end wrong. */
class BenchmarkSyncEndStateTest {
    private static TagbaseState platform(long accepted, long configuredTags) {
        return new TagbaseState(Map.of("created", 0L, "configured", configuredTags), Map.of(),
                Map.of("accepted", accepted, "duplicate", 0L, "conflict", 0L, "rejected", 0L), Map.of(), List.of(),
                Map.of());
    }

    @Test
    void rightEndStateHasNoProblems() {
        assertEquals(List.of(), SyncBench.endStateProblems(100, 5, true, Duration.ofSeconds(9), platform(100, 95), 0));
    }

    @Test
    void eachWrongFigureIsNamed() {
        Duration t = Duration.ofSeconds(9);
        assertTrue(SyncBench.endStateProblems(100, 5, false, t, platform(100, 95), 0).get(0).contains("did not drain"));
        assertTrue(SyncBench.endStateProblems(100, 5, true, t, platform(99, 95), 0).get(0).contains("accepted 99"));
        assertTrue(SyncBench.endStateProblems(100, 5, true, t, platform(101, 95), 0).get(0).contains("accepted 101"));
        assertTrue(SyncBench.endStateProblems(100, 5, true, t, platform(100, 94), 0).get(0).contains("94 configured"));
        assertTrue(SyncBench.endStateProblems(100, 5, true, t, platform(100, 95), 1).get(0).contains("1 unconfirmed"));
    }

    @Test
    void uidsAreUniqueSevenByteHex() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String uid = SyncBench.uid(i);
            assertTrue(uid.matches("04[0-9A-F]{12}"), uid);
            assertTrue(seen.add(uid), uid);
        }
    }
}
