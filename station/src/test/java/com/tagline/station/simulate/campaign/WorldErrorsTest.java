package com.tagline.station.simulate.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The campaign is not clean while its world (the emulators, on their own threads) logs an ERROR. */
class WorldErrorsTest {
    private static final Logger EMULATOR = LoggerFactory.getLogger("com.tagline.simulator.pn532.Pn532Emulator");

    @Test
    void countsTheWorldsErrorLinesFromAnyThreadWhileWatching() throws Exception {
        WorldErrors errors;
        try (WorldErrors w = WorldErrors.watch()) {
            errors = w;
            EMULATOR.warn("a warning is not an error");
            Thread t = new Thread(() -> EMULATOR.error("command 52 failed inside the simulator",
                    new IllegalStateException("pulled off the antenna at HLTA")), "pn532-emulator");
            t.start();
            t.join();
        }
        EMULATOR.error("after the campaign: not counted");

        assertEquals(1, errors.count());
        assertEquals(List.of("com.tagline.simulator.pn532.Pn532Emulator: command 52 failed inside the simulator"
                + " (java.lang.IllegalStateException: pulled off the antenna at HLTA)"), errors.lines());
    }

    @Test
    void anErrorLineMakesACampaignNotClean() {
        assertTrue(result(0, 0).clean());
        assertFalse(result(1, 0).clean(), "a station ERROR");
        assertFalse(result(0, 1).clean(), "a world ERROR");
        assertTrue(result(0, 1).text().contains("WORLD ERROR emulator: failed"), result(0, 1).text());
    }

    private static CampaignResult result(int stationErrors, int worldErrors) {
        return new CampaignResult(1, 2, 3, 3, 0, 3, 0, 0, 0, 0, 0, 0, 0, stationErrors, worldErrors,
                Map.of("start-up", 1), 0, List.of(), List.of(), List.of(),
                worldErrors == 0 ? List.of() : List.of("emulator: failed"), List.of(), 1);
    }
}
