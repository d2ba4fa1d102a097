package com.tagline.hardware.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AtsTest {
    private static byte[] h(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void ntag424AtsAnnouncesEveryRateBothWaysFsc128AndItsTimes() {
        // NT4H2421Gx §8.1.1 Table 4: 06 77 77 71 02 80; TA 77 = 212/424/848 both ways, TB 71 = FWI 7, SFGI 1.
        Ats a = Ats.parse(h("06 77 77 71 02 80")).orElseThrow();
        assertEquals(128, a.fsc());
        assertEquals(EnumSet.allOf(BitRate.class), a.toPicc());
        assertEquals(EnumSet.allOf(BitRate.class), a.toPcd());
        assertFalse(a.sameRateBothWays());
        assertEquals(7, a.fwi());
        assertEquals(1, a.sfgi());
        // The datasheet's own figures: "Max frame waiting time is 38.66 ms, start frame guard time is 604 µs".
        assertEquals(38.66, a.frameWaitingTimeNanos() / 1e6, 0.005);
        assertEquals(604, a.startUpGuardTimeNanos() / 1e3, 0.5);
        assertEquals(BitRate.KBPS_424, a.fastestBothWays(BitRate.KBPS_424));
        assertEquals(BitRate.KBPS_212, a.fastestBothWays(BitRate.KBPS_212));
    }

    @Test
    void withoutTa1OnlyTheDefaultRate() {
        Ats a = Ats.parse(h("05 67 71 02 80")).orElseThrow();
        assertEquals(EnumSet.of(BitRate.KBPS_106), a.toPicc());
        assertEquals(BitRate.KBPS_106, a.fastestBothWays(BitRate.KBPS_424));
        assertEquals(128, a.fsc());
    }

    @Test
    void oneDirectionOnlyIsNotEnoughForBothWays() {
        // TA(1) 70: DS = 2, 4, 8 (PICC to PCD) only, DR = 1 (ISO/IEC 14443-4 §5.2.4).
        Ats a = Ats.parse(h("03 10 70")).orElseThrow();
        assertEquals(EnumSet.allOf(BitRate.class), a.toPcd());
        assertEquals(EnumSet.of(BitRate.KBPS_106), a.toPicc());
        assertEquals(BitRate.KBPS_106, a.fastestBothWays(BitRate.KBPS_424));
        assertEquals(32, Ats.parse(h("03 12 80")).orElseThrow().fsc());
        assertTrue(Ats.parse(h("03 12 80")).orElseThrow().sameRateBothWays());
    }

    @Test
    void malformedOrMissingAtsTakesTheDefaults() {
        assertTrue(Ats.parse(new byte[0]).isEmpty());
        assertTrue(Ats.parse(h("06 77 77")).isEmpty(), "TL larger than the bytes");
        assertTrue(Ats.parse(h("02 70")).isEmpty(), "T0 announces interface bytes that are missing");
        Ats none = Ats.of(new Target(h("04112233445566"), 0x0044, 0x00, null));
        assertEquals(Ats.defaults(), none);
        assertEquals(32, none.fsc());
        assertEquals(4, none.fwi());
    }

    @Test
    void bitRateCodesAreThePpsAndInPslValues() {
        assertEquals(0, BitRate.KBPS_106.code());
        assertEquals(2, BitRate.KBPS_424.code());
        assertEquals(4, BitRate.KBPS_424.divisor());
        assertEquals(BitRate.KBPS_212, BitRate.ofCode(1));
        assertEquals(BitRate.KBPS_848, BitRate.ofKbps(848));
    }
}
