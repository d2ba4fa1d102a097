package com.tagline.station.personalize;

import com.tagline.hardware.TaglineException;
import com.tagline.hardware.ntag424.ChipStatusException;
import com.tagline.hardware.ntag424.StatusWord;
import com.tagline.hardware.pn532.Pn532Status;
import com.tagline.hardware.pn532.Pn532StatusException;

/**
 * An answer garbled on its way back, so the command is in doubt as after a lost answer: the chip is activated again
 * and the recipe resumes from what the chip shows (architecture §4), instead of failing a chip that did nothing
 * wrong. Either garbled on the line: a status the PN532's error list (UM0701-02 §7.1) or the NTAG 424 DNA's status
 * words (DS §8.4, Tables 22–24; ntag424.md §2.1) do not have, in a serial frame that still passed its 8-bit
 * checksum (DCS: TFI + ΣPD + DCS = 0 mod 256, UM0701-02 §6.2.1); or garbled on the air: one of the PN532's RF
 * errors (CRC, parity, framing, bit count, protocol; libnfc's RF class), reported after the chip got the command.
 */
final class GarbledAnswer {
    private GarbledAnswer() {
    }

    /** True when {@code e} reports a status its sender never sends, or a PN532 RF error. */
    static boolean is(TaglineException e) {
        if (e instanceof ChipStatusException c) {
            return StatusWord.of(c.sw()) == null;
        }
        return e instanceof Pn532StatusException p && (p.status() == null || p.status().kind() == Pn532Status.Kind.RF);
    }

    /** The detail a garbled answer is recorded with while the chip is activated again. */
    static String detail(TaglineException e) {
        return e.getMessage() + ": the answer was garbled on its way back; the exchange is in doubt";
    }
}
