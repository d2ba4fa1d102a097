package com.tagline.station.line;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandFedBenchTest {
    /** Passes odd items at once, keeps even ones pending until aborted. */
    private static final class OddPasses implements ItemEncoder {
        final List<Long> aborted = new ArrayList<>();

        @Override
        public void encode(long itemId, EncodeResult result) {
            if (itemId % 2 == 1) {
                result.finished(itemId, true);
            }
        }

        @Override
        public void abort(long itemId) {
            aborted.add(itemId);
        }
    }

    @Test
    void encoderRunsWithoutAConveyor() {
        OddPasses encoder = new OddPasses();
        HandFedBench bench = new HandFedBench(encoder);
        long first = bench.present();
        long second = bench.present();
        bench.withdraw(first);
        bench.withdraw(second);

        assertEquals(Map.of(1L, true), bench.results());
        assertEquals(List.of(2L), encoder.aborted);
    }
}
