package com.tagline.station.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag223.sun.SunMessageResult;
import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.pn532.PassiveTarget;
import com.tagline.hardware.pn532.Pn532;
import com.tagline.hardware.pn532.Pn532TagLink;
import com.tagline.hardware.serial.JsscSerialLink;
import com.tagline.hardware.serial.PipeSerialLink;
import com.tagline.hardware.serial.SerialLink;
import com.tagline.hardware.serial.SocatPtyPair;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.pn532.Pn532Emulator;
import com.tagline.station.personalize.Ntag223Personalizer;
import com.tagline.station.personalize.Ntag223Recipe;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.Ntag424Recipe;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.Reason;
import com.tagline.station.personalize.StepListener;
import com.tagline.station.simulate.PhoneScan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NTAG 424 DNA recipe unchanged over the real radio path: station recipe → PN532 driver → HSU
 * frames → (in-memory pipe | real pty through jssc) → PN532 emulator → simulated chip.
 */
class Pn532EndToEndTest {
    private static final String URL = "https://zannatherapeutics.com/verify/lonafen/8a3f9c2b";
    private static final byte[] UID = HexFormat.of().parseHex("04C0FFEE123480");

    private final MasterKeySet keys = keys();
    private final Ntag424Personalizer personalizer = new Ntag424Personalizer(Ntag424Recipe.of(keys,
            SunTemplate.defaults(), OriginalitySignature.ntag424(List.of(OriginalityKeyPair.ntag424Test().publicKeyHex()))));

    private static MasterKeySet keys() {
        List<byte[]> k = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] key = new byte[16];
            new SplittableRandom(i).nextBytes(key);
            k.add(key);
        }
        return new MasterKeySet(k, 4, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
    }

    @Test
    void personalizesThroughThePn532EmulatorOverAPipe() {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        personalizeAndScan(pair[0], pair[1]);
    }

    @Test
    void personalizesThroughJsscAndARealPty(@TempDir Path dir) throws Exception {
        assumeTrue(SocatPtyPair.available(), "socat is not installed (.ci/run installs it)");
        try (SocatPtyPair pty = SocatPtyPair.start(dir);
                SerialLink host = JsscSerialLink.open(pty.first().toString(), 115200);
                SerialLink device = JsscSerialLink.open(pty.second().toString(), 115200)) {
            personalizeAndScan(host, device);
        }
    }

    @Test
    void ntag223RecipeRunsOverRawType2FramesThroughThePn532() {
        // Issue 4: the NTAG 223 DNA recipe through InCommunicateThru (CRC_A and 4-bit ACK/NAK on the host).
        SimulatedNtag223 chip = SimulatedNtag223.builder().uid(UID).variant(Ntag223Variant.PLAIN)
                .random(new SplittableRandom(2)).build();
        Ntag223Personalizer ntag223 = new Ntag223Personalizer(Ntag223Recipe.of(keys, MirrorTemplate.defaults(),
                Ntag223Originality.trust(List.of(OriginalityKeyPair.ntag223Test().publicKeyHex()))));
        PipeSerialLink[] pair = PipeSerialLink.pair();
        try (Pn532Emulator emulator = new Pn532Emulator(pair[1]); Pn532 reader = new Pn532(pair[0])) {
            emulator.addChip(chip);
            emulator.start();
            reader.init();
            List<PassiveTarget> found = reader.inListPassiveTarget(1, new byte[0]);
            assertEquals(1, found.size());
            Pn532TagLink link = new Pn532TagLink(reader, found.get(0));
            assertEquals(0x00, link.target().sak(), "a Type 2 target");

            PersonalizationResult r = ntag223.personalize(link, URL, StepListener.NONE);

            assertEquals(Reason.CONFIGURED, r.reason(), r.detail());
            SunMessageResult sun = PhoneScan.verifyNtag223(PhoneScan.readType2(link), keys.diversify(UID));
            assertTrue(sun.valid(), sun.toString());
            assertTrue(emulator.failure().isEmpty(), () -> "emulator failed: " + emulator.failure().get());
        }
    }

    private void personalizeAndScan(SerialLink hostEnd, SerialLink deviceEnd) {
        SimulatedNtag424 chip = SimulatedNtag424.builder().uid(UID).random(new SplittableRandom(1)).build();
        try (Pn532Emulator emulator = new Pn532Emulator(deviceEnd); Pn532 reader = new Pn532(hostEnd)) {
            emulator.addChip(new Ntag424FieldChip(chip));
            emulator.start();
            reader.init();
            List<PassiveTarget> found = reader.inListPassiveTarget(1, new byte[0]);
            assertEquals(1, found.size());
            Pn532TagLink link = new Pn532TagLink(reader, found.get(0));
            assertEquals(0x20, link.target().sak());

            PersonalizationResult r = personalizer.personalize(link, URL, StepListener.NONE);

            assertEquals(Reason.CONFIGURED, r.reason(), r.detail());
            for (int k = 0; k < 5; k++) {
                assertEquals(4, chip.keyVersion(k));
            }
            ChipKeys chipKeys = keys.diversify(UID);
            SunResult sun = PhoneScan.verify(PhoneScan.read(link), chipKeys, 1, 2);
            assertTrue(sun.valid());
            assertTrue(emulator.failure().isEmpty(), () -> "emulator failed: " + emulator.failure().get());
        }
    }
}
