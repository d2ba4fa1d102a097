package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@code station run}'s stdin lines besides status, reset and stop: the operator's scrap, and everything else. */
class OperatorLineTest {
    private final List<String> scrapped = new ArrayList<>();
    private final Function<String, Optional<String>> station = uid -> {
        scrapped.add(uid);
        return uid.equals("04A1B2C3D4E5F6") ? Optional.of("t-17") : Optional.empty();
    };

    @Test
    void aChipIsScrappedByItsUidInEitherCase() {
        assertEquals("scrap: tag t-17 goes to the next chip", OperatorLine.answer("scrap 04a1b2c3d4e5f6", station));
        assertEquals("scrap: chip 0411223344556677889A holds no tag",
                OperatorLine.answer("  scrap   0411223344556677889A ", station));
        assertEquals(List.of("04A1B2C3D4E5F6", "0411223344556677889A"), scrapped);
    }

    @Test
    void aWordThatIsNoUidIsNamedAndNeverReachesTheStation() {
        // before: 9 hex digits reached the station ("holds no tag"), 'scrap zz' was an 'unknown command'
        assertEquals("scrap: '04A1B2C3D' is not a chip UID: a chip UID is 4, 7 or 10 bytes in hex (ISO/IEC 14443-3),"
                + " e.g. 04A1B2C3D4E5F6", OperatorLine.answer("scrap 04A1B2C3D", station));
        assertTrue(OperatorLine.answer("scrap zz", station).startsWith("scrap: 'zz' is not a chip UID"));
        assertEquals("scrap: give one chip UID, e.g. scrap 04A1B2C3D4E5F6", OperatorLine.answer("scrap", station));
        assertEquals("scrap: give one chip UID, e.g. scrap 04A1B2C3D4E5F6",
                OperatorLine.answer("scrap 04A1B2C3D4E5F6 extra", station));
        assertEquals(List.of(), scrapped);
    }

    @Test
    void anUnknownLineIsEchoedShortAndWithoutControlCharacters() {
        // before: the whole line went to the terminal and the journal as typed, escape sequences and all
        String answer = OperatorLine.answer("\u0000\u001b[31mred" + "x".repeat(100_000), station);
        assertTrue(answer.startsWith("unknown command '\\u0000\\u001b[31mred"), answer);
        assertTrue(answer.endsWith("... (100009 characters)' (status, reset, scrap UID, stop)"), answer);
        assertTrue(answer.length() < 200, answer);
        assertTrue(answer.chars().noneMatch(Character::isISOControl), answer);
    }

    @Test
    void aScrapThatFailsIsToldAndTheConsoleGoesOn() {
        assertEquals("scrap: failed: the reader thread did not take it within 30 s", OperatorLine.answer(
                "scrap 04A1B2C3D4E5F6", uid -> {
                    throw new IllegalStateException("the reader thread did not take it within 30 s");
                }));
    }
}
