package com.tagline.station.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.pn532.PassiveTarget;
import com.tagline.hardware.pn532.Pn532;
import com.tagline.hardware.pn532.Pn532TagLink;
import com.tagline.hardware.serial.PipeSerialLink;
import com.tagline.hardware.tag.ForwardingTagLink;
import com.tagline.hardware.tag.TagLink;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.pn532.LeavePoint;
import com.tagline.simulator.pn532.Pn532Emulator;
import com.tagline.station.personalize.Ntag223Personalizer;
import com.tagline.station.personalize.Ntag223Recipe;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.Reason;
import com.tagline.station.personalize.StepListener;
import com.tagline.station.simulate.PhoneScan;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NTAG 223 DNA failure classes through the whole radio path (Pn532 driver → HSU frames → emulator →
 * simulated chip over raw Type 2 frames): counterfeit, foreign, URL too long, and the chip leaving
 * the field mid-exchange, then coming back and resuming to configured.
 */
class Ntag223OverPn532Test {
    private static final String URL = "https://zannatherapeutics.com/verify/lonafen/8a3f9c2b";
    private static final byte[] UID = HexFormat.of().parseHex("04AB12CD34EF80");
    private static final MasterKeySet KEYS = keys();

    private final Ntag223Personalizer personalizer = new Ntag223Personalizer(Ntag223Recipe.of(KEYS,
            MirrorTemplate.defaults(), Ntag223Originality.trust(List.of(OriginalityKeyPair.ntag223Test().publicKeyHex()))));
    private Pn532Emulator emulator;
    private Pn532 reader;

    private static MasterKeySet keys() {
        List<byte[]> k = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] key = new byte[16];
            new SplittableRandom(40 + i).nextBytes(key);
            k.add(key);
        }
        return new MasterKeySet(k, 2, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
    }

    @BeforeEach
    void startReader() {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        emulator = new Pn532Emulator(pair[1]);
        emulator.start();
        reader = new Pn532(pair[0]);
        reader.init();
    }

    @AfterEach
    void stopReader() {
        reader.close();
        emulator.close();
    }

    private static SimulatedNtag223 blank() {
        return SimulatedNtag223.builder().uid(UID).variant(Ntag223Variant.PLAIN).random(new SplittableRandom(3)).build();
    }

    private PersonalizationResult present(SimulatedNtag223 chip, String url, Function<TagLink, TagLink> decorate) {
        chip.powerCycle(); // entering the field powers the chip up
        emulator.addChip(chip);
        List<PassiveTarget> found = reader.inListPassiveTarget(1, new byte[0]);
        assertEquals(1, found.size());
        Pn532TagLink link = new Pn532TagLink(reader, found.get(0));
        PersonalizationResult r = personalizer.personalize(decorate.apply(link), url, StepListener.NONE);
        if (emulator.chips().contains(chip)) {
            link.release();
            emulator.removeChip(chip);
        }
        return r;
    }

    @Test
    void counterfeitIsRejected() {
        OriginalityKeyPair rogue = OriginalityKeyPair.of(OriginalityKeyPair.SECP192R1, BigInteger.valueOf(987654321L));
        SimulatedNtag223 chip = SimulatedNtag223.builder().uid(UID).variant(Ntag223Variant.PLAIN).originalityKey(rogue)
                .build();
        assertEquals(Reason.COUNTERFEIT, present(chip, URL, l -> l).reason());
    }

    @Test
    void chipOursForAnotherUrlIsNotBlank() {
        SimulatedNtag223 chip = blank();
        assertEquals(Reason.CONFIGURED, present(chip, URL, l -> l).reason());
        assertEquals(Reason.NOT_BLANK, present(chip, "https://other.example/x", l -> l).reason());
    }

    @Test
    void urlTooLongIsRejectedBeforeAnyFrame() {
        long before = emulator.counters().rfExchanges();
        SimulatedNtag223 chip = blank();
        PersonalizationResult r = present(chip, "https://example.com/" + "y".repeat(140), l -> l);
        assertEquals(Reason.URL_TOO_LONG, r.reason());
        assertEquals(1, emulator.counters().rfExchanges() - before, "only the activation reached the chip");
    }

    /** Every raw exchange of a full run, the chip leaving before and after it processes the frame. */
    static Stream<Arguments> leavePoints() {
        int n = rawExchangesOfAFullRun();
        List<Arguments> all = new ArrayList<>();
        for (int at = 0; at < n; at++) {
            all.add(Arguments.of(at, LeavePoint.BEFORE_PROCESSING));
            all.add(Arguments.of(at, LeavePoint.AFTER_PROCESSING));
        }
        return all.stream();
    }

    private static int rawExchangesOfAFullRun() {
        Ntag223OverPn532Test t = new Ntag223OverPn532Test();
        t.startReader();
        try {
            int[] count = {0};
            PersonalizationResult r = t.present(blank(), URL, link -> new ForwardingTagLink(link) {
                @Override
                public byte[] transceiveRaw(byte[] frame, Duration timeout) {
                    count[0]++;
                    return super.transceiveRaw(frame, timeout);
                }
            });
            assertEquals(Reason.CONFIGURED, r.reason(), r.detail());
            return count[0];
        } finally {
            t.stopReader();
        }
    }

    @ParameterizedTest(name = "chip leaves at raw exchange {0}, {1}")
    @MethodSource("leavePoints")
    void chipLeavingMidRunIsTagLostThenResumes(int at, LeavePoint point) {
        SimulatedNtag223 chip = blank();
        PersonalizationResult torn = present(chip, URL, link -> new LeaveAt(link, at, point));
        assertEquals(Reason.TAG_LOST, torn.reason(), torn.detail());

        PersonalizationResult resumed = present(chip, URL, l -> l);

        assertEquals(Reason.CONFIGURED, resumed.reason(), resumed.detail());
        chip.powerCycle();
        emulator.addChip(chip);
        Pn532TagLink scan = new Pn532TagLink(reader, reader.inListPassiveTarget(1, new byte[0]).get(0));
        assertTrue(PhoneScan.verifyNtag223(PhoneScan.readType2(scan), KEYS.diversify(UID)).valid());
    }

    /** Arms the emulator's leave-the-field fault just before raw exchange number {@code at}. */
    private final class LeaveAt extends ForwardingTagLink {
        private final int at;
        private final LeavePoint point;
        private int count;

        LeaveAt(TagLink inner, int at, LeavePoint point) {
            super(inner);
            this.at = at;
            this.point = point;
        }

        @Override
        public byte[] transceiveRaw(byte[] frame, Duration timeout) {
            if (count++ == at) {
                emulator.faults().chipLeavesOnNextExchange(point);
            }
            return super.transceiveRaw(frame, timeout);
        }
    }
}
