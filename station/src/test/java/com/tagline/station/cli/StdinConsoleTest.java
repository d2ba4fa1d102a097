package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code station run}'s stdin console (issue 12: a failed {@code scrap} used to end it, and {@code stop} with it). */
class StdinConsoleTest {
    private final List<String> done = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final StdinConsole.Bench bench = new StdinConsole.Bench() {
        @Override
        public String status() {
            return "hand-fed, alarms []";
        }

        @Override
        public boolean reset() {
            return false;
        }

        @Override
        public Optional<String> scrap(String uid) {
            if (uid.equals("04DEAD00000000")) {
                throw new IllegalStateException("scrap 04DEAD00000000: the reader did not take it");
            }
            done.add("scrap " + uid);
            return uid.equals("04A1A2A3A4A5A6") ? Optional.of("tag_1") : Optional.empty();
        }

        @Override
        public void stop() {
            done.add("stop");
        }
    };

    private String serve(String input) {
        StdinConsole.serve(new BufferedReader(new StringReader(input)), new PrintStream(out, true, StandardCharsets.UTF_8),
                bench);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCommandThatFailsIsAnsweredAndTheConsoleStillTakesStop() {
        String answers = serve("scrap 04DEAD00000000\nstatus\nstop\nstatus\n");
        assertTrue(answers.contains("run: 'scrap 04DEAD00000000' failed: scrap 04DEAD00000000: the reader did not take it"),
                answers);
        assertTrue(answers.contains("status: hand-fed, alarms []"), answers);
        assertEquals(List.of("stop"), done, "stop got through; nothing is read after it");
        assertEquals(2, answers.lines().count(), answers);
    }

    @Test
    void scrapSaysWhereTheTagGoes() {
        String answers = serve("scrap 04a1a2a3a4a5a6\nscrap 04B1B2B3B4B5B6\nscrap nonsense\n\n");
        assertEquals(List.of("scrap: tag tag_1 goes to the next chip", "scrap: chip 04B1B2B3B4B5B6 holds no tag",
                "unknown command 'scrap nonsense' (status, reset, scrap UID, stop)"), answers.lines().toList());
    }
}
