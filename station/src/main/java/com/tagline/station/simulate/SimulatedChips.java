package com.tagline.station.simulate;

import com.tagline.simulator.ntag424.OriginalityKeyPair;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.simulator.ntag424.TearPoint;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * Makes the chips of a simulated batch from a seed: unique UIDs, a share of defective chips, and
 * for each defect the fault armed on its link. Deterministic for a seed.
 */
public final class SimulatedChips {
    /** INS bytes of the irreversible recipe commands (DS §10.6.1 ChangeKey, §10.7.1 ChangeFileSettings). */
    private static final int[] IRREVERSIBLE_INS = {0xC4, 0x5F};
    private static final ChipDefect[] DEFECTS = {ChipDefect.COUNTERFEIT, ChipDefect.FOREIGN, ChipDefect.LEAVES_FIELD,
        ChipDefect.TORN_THEN_RESUMED};

    private final SplittableRandom random;
    private final double defectRate;
    private final OriginalityKeyPair untrusted;

    public SimulatedChips(long seed, double defectRate) {
        if (defectRate < 0 || defectRate > 1) {
            throw new IllegalArgumentException("--defect-rate must be between 0 and 1, got " + defectRate);
        }
        this.random = new SplittableRandom(seed);
        this.defectRate = defectRate;
        this.untrusted = OriginalityKeyPair.of(new ECPrivateKeyParameters(
                new BigInteger(200, new java.util.Random(seed ^ 0x5EEDL)).add(BigInteger.TWO), OriginalityKeyPair.domain()));
    }

    /** One chip on the antenna, its link and what is wrong with it. */
    public record Chip(SimulatedNtag424Link link, ChipDefect defect) {}

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

    /** The public key the simulated genuine chips sign with; the station trusts it in simulation. */
    public static String trustedTestKeyHex() {
        return OriginalityKeyPair.test().publicKeyHex();
    }
}
