package com.tagline.station.simulate;

import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.ntag223.SimulatedNtag223Link;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.simulator.ntag424.TearPoint;
import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * Makes the chips of a simulated batch from a seed: unique UIDs, a share of defective chips, and
 * for each defect the fault armed on its link. Deterministic for a seed. NTAG 424 DNA chips come from
 * {@link #next}, NTAG 223 DNA chips (plain or StatusDetect) from {@link #next223}; each draws one split
 * of the batch's random source.
 */
public final class SimulatedChips {
    /** INS bytes of the irreversible recipe commands (DS §10.6.1 ChangeKey, §10.7.1 ChangeFileSettings). */
    private static final int[] IRREVERSIBLE_INS = {0xC4, 0x5F};
    private static final ChipDefect[] DEFECTS = {ChipDefect.COUNTERFEIT, ChipDefect.FOREIGN, ChipDefect.LEAVES_FIELD,
        ChipDefect.TORN_THEN_RESUMED};

    /**
     * NTAG 223 DNA pages whose WRITE starts an irreversible recipe step (ntag223.md §2.1, §7): SUNCMAC_KEY,
     * CFG0 (mirror), key lock, PWD.
     */
    private static final int[] IRREVERSIBLE_223_PAGES = {MemoryMap.ntag223().sunKey(), MemoryMap.ntag223().cfg0(),
        MemoryMap.ntag223().keyLock(), MemoryMap.ntag223().pwd()};

    private final SplittableRandom random;
    private final double defectRate;
    private final OriginalityKeyPair untrusted;
    private final OriginalityKeyPair untrusted223;

    public SimulatedChips(long seed, double defectRate) {
        if (defectRate < 0 || defectRate > 1) {
            throw new IllegalArgumentException("--defect-rate must be between 0 and 1, got " + defectRate);
        }
        this.random = new SplittableRandom(seed);
        this.defectRate = defectRate;
        // Counterfeit chips sign with a key no trust list holds (below both curve orders).
        this.untrusted = OriginalityKeyPair.of(OriginalityKeyPair.SECP224R1,
                new BigInteger(200, new java.util.Random(seed ^ 0x5EEDL)).add(BigInteger.TWO));
        this.untrusted223 = OriginalityKeyPair.of(OriginalityKeyPair.SECP192R1,
                new BigInteger(180, new java.util.Random(seed ^ 0x223L)).add(BigInteger.TWO));
    }

    /** One chip on the antenna, its link and what is wrong with it. */
    public record Chip(SimulatedNtag424Link link, ChipDefect defect) {}

    /** One NTAG 223 DNA on the antenna, its link and what is wrong with it. */
    public record Chip223(SimulatedNtag223Link link, ChipDefect defect) {}

    /** Chip number {@code index} of the batch (UIDs are unique within a batch: the index is in them). */
    public Chip next(int index) {
        SplittableRandom chipRandom = random.split();
        ChipDefect defect = chipRandom.nextDouble() < defectRate ? DEFECTS[chipRandom.nextInt(DEFECTS.length)]
                : ChipDefect.NONE;
        byte[] uid = {0x04, (byte) (index >>> 16), (byte) (index >>> 8), (byte) index, (byte) chipRandom.nextInt(256),
            (byte) chipRandom.nextInt(256), (byte) 0x80};
        var builder = SimulatedNtag424.builder().uid(uid).random(chipRandom.split());
        if (defect == ChipDefect.COUNTERFEIT) {
            builder.originalityKey(untrusted);
        }
        if (defect == ChipDefect.FOREIGN) {
            byte[] foreignKey = new byte[16];
            chipRandom.nextBytes(foreignKey);
            builder.key(0, foreignKey, 7);
        }
        SimulatedNtag424Link link = new SimulatedNtag424Link(builder.build());
        if (defect == ChipDefect.LEAVES_FIELD || defect == ChipDefect.TORN_THEN_RESUMED) {
            TearPoint point = chipRandom.nextBoolean() ? TearPoint.BEFORE_APPLY : TearPoint.AFTER_APPLY;
            link.tearNext(IRREVERSIBLE_INS[chipRandom.nextInt(IRREVERSIBLE_INS.length)], point);
        }
        return new Chip(link, defect);
    }

    /**
     * NTAG 223 DNA number {@code index}: a foreign chip has someone else's SUNCMAC_KEY locked; a chip that
     * leaves the field or is torn loses the field at the WRITE of one irreversible step.
     */
    public Chip223 next223(int index) {
        SplittableRandom chipRandom = random.split();
        ChipDefect defect = chipRandom.nextDouble() < defectRate ? DEFECTS[chipRandom.nextInt(DEFECTS.length)]
                : ChipDefect.NONE;
        byte[] uid = {0x04, (byte) (index >>> 16), (byte) (index >>> 8), (byte) index, (byte) chipRandom.nextInt(256),
            (byte) chipRandom.nextInt(256), (byte) 0x80};
        Ntag223Variant variant = chipRandom.nextBoolean() ? Ntag223Variant.PLAIN : Ntag223Variant.STATUS_DETECT;
        var builder = SimulatedNtag223.builder().uid(uid).variant(variant).random(chipRandom.split());
        if (defect == ChipDefect.COUNTERFEIT) {
            builder.originalityKey(untrusted223);
        }
        if (defect == ChipDefect.FOREIGN) {
            byte[] foreignKey = new byte[16];
            chipRandom.nextBytes(foreignKey);
            builder.sunKey(foreignKey).page(MemoryMap.ntag223().keyLock(), new byte[] {(byte) 0x80, 0, 0, 0});
        }
        SimulatedNtag223Link link = new SimulatedNtag223Link(builder.build());
        if (defect == ChipDefect.LEAVES_FIELD || defect == ChipDefect.TORN_THEN_RESUMED) {
            TearPoint point = chipRandom.nextBoolean() ? TearPoint.BEFORE_APPLY : TearPoint.AFTER_APPLY;
            link.tearNextWrite(IRREVERSIBLE_223_PAGES[chipRandom.nextInt(IRREVERSIBLE_223_PAGES.length)], point);
        }
        return new Chip223(link, defect);
    }

    /** Chip number {@code index} of a {@code protocol} batch, of the kind the batch puts there. */
    public SimulatedChip chip(int index, BatchProtocol protocol) {
        return protocol.ntag223At(index) ? SimulatedChip.of(index, next223(index)) : SimulatedChip.of(index, next(index));
    }

    /** The public key simulated genuine NTAG 223 DNA chips sign with; trusted in simulation. */
    public static String trustedNtag223TestKeyHex() {
        return OriginalityKeyPair.ntag223Test().publicKeyHex();
    }

    /** The public key the simulated genuine chips sign with; the station trusts it in simulation. */
    public static String trustedTestKeyHex() {
        return OriginalityKeyPair.ntag424Test().publicKeyHex();
    }
}
