package com.tagline.station.simulate;

import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.field.FieldChip;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.field.TearPoint;
import com.tagline.simulator.field.TearingChip;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.ntag223.SimulatedNtag223Link;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import java.math.BigInteger;
import java.util.Optional;
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

    /** One chip on the antenna, its link (with the defect's tear armed) and what is wrong with it. */
    public record Chip(SimulatedNtag424Link link, ChipDefect defect) {}

    /** One NTAG 223 DNA on the antenna, its link (with the defect's tear armed) and what is wrong with it. */
    public record Chip223(SimulatedNtag223Link link, ChipDefect defect) {}

    /** Where a torn chip's field drops: the INS (NTAG 424 DNA) or WRITE page (NTAG 223 DNA), and when. */
    private record Tear(int at, TearPoint point) {}

    /** What was drawn for one NTAG 424 DNA of the batch. */
    private record Drawn424(SimulatedNtag424 chip, ChipDefect defect, Optional<Tear> tear) {}

    /** What was drawn for one NTAG 223 DNA of the batch. */
    private record Drawn223(SimulatedNtag223 chip, ChipDefect defect, Optional<Tear> tear) {}

    /** Chip number {@code index} of the batch (UIDs are unique within a batch: the index is in them). */
    public Chip next(int index) {
        Drawn424 d = draw424(index);
        SimulatedNtag424Link link = new SimulatedNtag424Link(d.chip());
        d.tear().ifPresent(t -> link.tearNext(t.at(), t.point()));
        return new Chip(link, d.defect());
    }

    /**
     * NTAG 223 DNA number {@code index}: a foreign chip has someone else's SUNCMAC_KEY locked; a chip that
     * leaves the field or is torn loses the field at the WRITE of one irreversible step.
     */
    public Chip223 next223(int index) {
        Drawn223 d = draw223(index);
        SimulatedNtag223Link link = new SimulatedNtag223Link(d.chip());
        d.tear().ifPresent(t -> link.tearNextWrite(t.at(), t.point()));
        return new Chip223(link, d.defect());
    }

    /**
     * Chip number {@code index} of a {@code protocol} batch, of the kind the batch puts there, as a reader
     * emulator hosts it: a torn chip's field drops at its armed command and it stays at the antenna
     * ({@link ChipDefect#TORN_THEN_RESUMED}) or leaves ({@link ChipDefect#LEAVES_FIELD}).
     */
    public SimulatedChip chip(int index, BatchProtocol protocol) {
        if (protocol.ntag223At(index)) {
            Drawn223 d = draw223(index);
            FieldChip inField = d.tear().<FieldChip>map(t -> TearingChip.tearAtWrite(d.chip(), t.at(), t.point(),
                    d.defect() == ChipDefect.TORN_THEN_RESUMED)).orElse(d.chip());
            return new SimulatedChip(index, ChipProtocol.NTAG_223_DNA, inField, d.chip().uidHex(), d.defect(),
                    () -> PhoneScan.readType2(new SimulatedNtag223Link(d.chip())));
        }
        Drawn424 d = draw424(index);
        FieldChip plain = new Ntag424FieldChip(d.chip());
        FieldChip inField = d.tear().<FieldChip>map(t -> TearingChip.tearAtIns(plain, t.at(), t.point(),
                d.defect() == ChipDefect.TORN_THEN_RESUMED)).orElse(plain);
        return new SimulatedChip(index, ChipProtocol.NTAG_424_DNA, inField, d.chip().uidHex(), d.defect(),
                () -> PhoneScan.read(new SimulatedNtag424Link(d.chip())));
    }

    private Drawn424 draw424(int index) {
        SplittableRandom chipRandom = random.split();
        ChipDefect defect = defect(chipRandom);
        var builder = SimulatedNtag424.builder().uid(uid(index, chipRandom)).random(chipRandom.split());
        if (defect == ChipDefect.COUNTERFEIT) {
            builder.originalityKey(untrusted);
        }
        if (defect == ChipDefect.FOREIGN) {
            byte[] foreignKey = new byte[16];
            chipRandom.nextBytes(foreignKey);
            builder.key(0, foreignKey, 7);
        }
        SimulatedNtag424 chip = builder.build();
        return new Drawn424(chip, defect, tear(defect, chipRandom, IRREVERSIBLE_INS));
    }

    private Drawn223 draw223(int index) {
        SplittableRandom chipRandom = random.split();
        ChipDefect defect = defect(chipRandom);
        byte[] uid = uid(index, chipRandom);
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
        return new Drawn223(builder.build(), defect, tear(defect, chipRandom, IRREVERSIBLE_223_PAGES));
    }

    private ChipDefect defect(SplittableRandom chipRandom) {
        return chipRandom.nextDouble() < defectRate ? DEFECTS[chipRandom.nextInt(DEFECTS.length)] : ChipDefect.NONE;
    }

    private static byte[] uid(int index, SplittableRandom chipRandom) {
        return new byte[] {0x04, (byte) (index >>> 16), (byte) (index >>> 8), (byte) index,
            (byte) chipRandom.nextInt(256), (byte) chipRandom.nextInt(256), (byte) 0x80};
    }

    /** A leaving or torn chip loses the field at one of the irreversible commands, before or after applying it. */
    private static Optional<Tear> tear(ChipDefect defect, SplittableRandom chipRandom, int[] irreversible) {
        if (defect != ChipDefect.LEAVES_FIELD && defect != ChipDefect.TORN_THEN_RESUMED) {
            return Optional.empty();
        }
        TearPoint point = chipRandom.nextBoolean() ? TearPoint.BEFORE_APPLY : TearPoint.AFTER_APPLY;
        return Optional.of(new Tear(irreversible[chipRandom.nextInt(irreversible.length)], point));
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
