package com.tagline.hardware.tag;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a reader takes from an ATS (ISO/IEC 14443-4 §5.2): the PICC's frame size FSC (T0 FSCI), the bit
 * rates TA(1) allows in each direction, whether both directions must use the same rate (TA(1) b8), and the
 * frame waiting and start-up guard time integers of TB(1). Interface bytes that are absent take the
 * standard's defaults: FSCI 2 (32 bytes), 106 kbit/s only, FWI 4, SFGI 0.
 *
 * <p>Example: the NTAG 424 DNA's ATS {@code 06 77 77 71 02 80} (NT4H2421Gx §8.1.1 Table 4) gives FSC 128,
 * 212/424/848 kbit/s both ways, FWI 7 (38.66 ms) and SFGI 1 (604 µs).
 *
 * @param fsc largest frame the PICC accepts, bytes (PCB, INF and CRC included)
 * @param toPicc rates PCD → PICC (DR, TA(1) b3..b1), 106 always included
 * @param toPcd rates PICC → PCD (DS, TA(1) b7..b5), 106 always included
 * @param sameRateBothWays TA(1) b8: only the same divisor in both directions
 * @param fwi frame waiting time integer (TB(1) b8..b5)
 * @param sfgi start-up frame guard time integer (TB(1) b4..b1)
 */
public record Ats(int fsc, Set<BitRate> toPicc, Set<BitRate> toPcd, boolean sameRateBothWays, int fwi, int sfgi) {
    private static final int[] FSC = {16, 24, 32, 40, 48, 64, 96, 128, 256};
    private static final int TA_PRESENT = 0x10;
    private static final int TB_PRESENT = 0x20;
    private static final int DEFAULT_FSCI = 2;
    private static final int DEFAULT_FWI = 4;

    public Ats {
        toPicc = Collections.unmodifiableSet(EnumSet.copyOf(toPicc));
        toPcd = Collections.unmodifiableSet(EnumSet.copyOf(toPcd));
    }

    /**
     * Parses an ATS as InListPassiveTarget reports it (TL first, TL counting itself); empty when the bytes are
     * not a well-formed ATS (none for a Type 2 target, or too short for the interface bytes T0 announces).
     */
    public static Optional<Ats> parse(byte[] ats) {
        if (ats.length < 2 || (ats[0] & 0xFF) != ats.length) {
            return Optional.empty();
        }
        int t0 = ats[1] & 0xFF;
        int p = 2;
        int fsci = t0 & 0x0F;
        Set<BitRate> toPicc = EnumSet.of(BitRate.KBPS_106);
        Set<BitRate> toPcd = EnumSet.of(BitRate.KBPS_106);
        boolean same = false;
        int fwi = DEFAULT_FWI;
        int sfgi = 0;
        if ((t0 & TA_PRESENT) != 0) {
            if (p >= ats.length) {
                return Optional.empty();
            }
            int ta = ats[p++] & 0xFF;
            same = (ta & 0x80) != 0;
            addRates(toPcd, ta >> 4);
            addRates(toPicc, ta);
        }
        if ((t0 & TB_PRESENT) != 0) {
            if (p >= ats.length) {
                return Optional.empty();
            }
            int tb = ats[p] & 0xFF;
            fwi = tb >> 4;
            sfgi = tb & 0x0F;
        }
        return Optional.of(new Ats(frameSize(fsci), toPicc, toPcd, same, fwi, sfgi));
    }

    /**
     * FSCI of an ATS or FSDI of a RATS → frame size in bytes (ISO/IEC 14443-4 §5.1 Table 1: 16 to 256); the
     * values above 8 are read as 256.
     */
    public static int frameSize(int index) {
        return FSC[Math.min(index & 0x0F, FSC.length - 1)];
    }

    /** The ATS of {@code target}, or {@link #defaults()} when it has none. */
    public static Ats of(Target target) {
        return parse(target.ats()).orElse(defaults());
    }

    /** What an ATS without interface bytes means: FSC 32, 106 kbit/s only, FWI 4, SFGI 0. */
    public static Ats defaults() {
        return new Ats(frameSize(DEFAULT_FSCI), EnumSet.of(BitRate.KBPS_106), EnumSet.of(BitRate.KBPS_106), false,
                DEFAULT_FWI, 0);
    }

    /** TA(1) bits 3..1 (or 7..5 shifted down): D = 2, 4, 8 (ISO/IEC 14443-4 §5.2.4). */
    private static void addRates(Set<BitRate> rates, int bits) {
        if ((bits & 0x01) != 0) {
            rates.add(BitRate.KBPS_212);
        }
        if ((bits & 0x02) != 0) {
            rates.add(BitRate.KBPS_424);
        }
        if ((bits & 0x04) != 0) {
            rates.add(BitRate.KBPS_848);
        }
    }

    /** Whether the PICC takes {@code toPicc} (DRI) and {@code toPcd} (DSI) in a PPS (ISO/IEC 14443-4 §5.2.4). */
    public boolean allows(BitRate toPicc, BitRate toPcd) {
        return this.toPicc.contains(toPicc) && this.toPcd.contains(toPcd) && (!sameRateBothWays || toPicc == toPcd);
    }

    /** The fastest rate, at most {@code limit}, that the PICC takes in both directions. */
    public BitRate fastestBothWays(BitRate limit) {
        BitRate best = BitRate.KBPS_106;
        for (BitRate r : BitRate.values()) {
            if (r.compareTo(limit) <= 0 && allows(r, r)) {
                best = r;
            }
        }
        return best;
    }

    /** FWT = 256 × 16 / fc × 2^FWI (ISO/IEC 14443-4 §7.2), in nanoseconds. */
    public long frameWaitingTimeNanos() {
        return Math.round(256.0 * 16 / 13.56e6 * (1 << fwi) * 1e9);
    }

    /** SFGT = 256 × 16 / fc × 2^SFGI (ISO/IEC 14443-4 §5.2.5), 0 when SFGI is 0, in nanoseconds. */
    public long startUpGuardTimeNanos() {
        return sfgi == 0 ? 0 : Math.round(256.0 * 16 / 13.56e6 * (1 << sfgi) * 1e9);
    }
}
