package com.tagline.station.workflow;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.hardware.tag.TagLink;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.ntag223.SimulatedNtag223Link;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.station.personalize.Ntag223Personalizer;
import com.tagline.station.personalize.Ntag223Recipe;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.Ntag424Recipe;
import com.tagline.station.store.LeasedJob;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreConfig;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Shared set-up for workflow tests: keys, both recipes, simulated chips, an antenna and a store file. */
final class WorkflowFixture {
    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    static final ChipProtocol P424 = ChipProtocol.NTAG_424_DNA;
    static final ChipProtocol P223 = ChipProtocol.NTAG_223_DNA;
    static final MasterKeySet KEYS = keys();

    private WorkflowFixture() {
    }

    static MasterKeySet keys() {
        List<byte[]> keys = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(77);
        for (int i = 0; i < MasterKeySet.KEY_COUNT; i++) {
            byte[] k = new byte[16];
            r.nextBytes(k);
            keys.add(k);
        }
        return new MasterKeySet(keys, 3, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
    }

    static Map<ChipProtocol, ChipRecipe> recipes() {
        Ntag424Personalizer p424 = new Ntag424Personalizer(Ntag424Recipe.of(KEYS, SunTemplate.defaults(),
                OriginalitySignature.ntag424(List.of(OriginalityKeyPair.ntag424Test().publicKeyHex()))));
        Ntag223Personalizer p223 = new Ntag223Personalizer(Ntag223Recipe.of(KEYS, MirrorTemplate.defaults(),
                Ntag223Originality.trust(List.of(OriginalityKeyPair.ntag223Test().publicKeyHex()))));
        return Map.of(P424, p424::personalize, P223, p223::personalize);
    }

    static Store store(Path file, Clock clock) {
        return Store.open(StoreConfig.of(file, "line-1").withClock(clock).withMinFreeBytes(0));
    }

    static Clock clock() {
        return Clock.fixed(T0, ZoneOffset.UTC);
    }

    static LeasedJob job(String tagId, ChipProtocol protocol) {
        return new LeasedJob(tagId, protocol, "https://tags.example.com/t/" + tagId, "lse_1",
                T0.plusSeconds(86_400));
    }

    static byte[] uid(int n) {
        return new byte[] {0x04, 0x10, 0x20, (byte) n, 0x30, 0x40, (byte) 0x80};
    }

    static SimulatedNtag424Link blank424(int n) {
        return new SimulatedNtag424Link(SimulatedNtag424.builder().uid(uid(n)).random(new SplittableRandom(n)).build());
    }

    static SimulatedNtag424Link counterfeit424(int n) {
        OriginalityKeyPair untrusted = OriginalityKeyPair.of(OriginalityKeyPair.SECP224R1, BigInteger.valueOf(123457));
        return new SimulatedNtag424Link(SimulatedNtag424.builder().uid(uid(n)).random(new SplittableRandom(n))
                .originalityKey(untrusted).build());
    }

    static SimulatedNtag223Link blank223(int n) {
        return new SimulatedNtag223Link(SimulatedNtag223.builder().uid(uid(n)).variant(Ntag223Variant.PLAIN)
                .random(new SplittableRandom(n)).build());
    }

    /** An antenna holding one chip; whether a chip lost mid-exchange comes back on reactivation is set per test. */
    static final class TestAntenna implements Antenna {
        private TagLink link;
        private String uid;
        private ChipProtocol protocol;
        private Runnable putBack = () -> { };
        private boolean comesBack = true;
        int reactivations;

        TestAntenna present(SimulatedNtag424Link chip) {
            return present(chip, chip.chip().uidHex(), P424, chip::putBack);
        }

        TestAntenna present(SimulatedNtag223Link chip) {
            return present(chip, chip.chip().uidHex(), P223, chip::putBack);
        }

        TestAntenna present(TagLink chip, String uidHex, ChipProtocol kind, Runnable back) {
            this.link = chip;
            this.uid = uidHex;
            this.protocol = kind;
            this.putBack = back;
            return this;
        }

        TestAntenna comesBack(boolean value) {
            this.comesBack = value;
            return this;
        }

        void empty() {
            link = null;
        }

        @Override
        public Optional<ChipInField> detect() {
            return link == null ? Optional.empty() : Optional.of(ChipInField.of(link, uid, protocol));
        }

        @Override
        public Optional<ChipInField> reactivate() {
            reactivations++;
            if (!comesBack) {
                return Optional.empty();
            }
            putBack.run();
            return detect();
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }
}
