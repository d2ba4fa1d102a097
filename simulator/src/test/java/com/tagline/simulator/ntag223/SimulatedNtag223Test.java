package com.tagline.simulator.ntag223;

import com.tagline.simulator.field.OriginalityKeyPair;
import static com.tagline.simulator.ntag223.Fixture.UID;
import static com.tagline.simulator.ntag223.Fixture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.Ntag223Variant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The chip as a FieldChip answering raw Type 2 frames (ntag223.md §4, §11 checklist). */
class SimulatedNtag223Test {
    private final Fixture f = Fixture.plain();

    @Test
    void activationDataIsAType2Target() {
        // §11: ATQA 0044, SAK 00, 7-byte UID 04…, no RATS.
        assertArrayEquals(UID, f.chip.uid());
        assertEquals(0x0044, f.chip.atqa());
        assertEquals(0x00, f.chip.sak());
        assertEquals(0, f.chip.ats().length);
        assertFalse(f.chip.isoDep());
        assertEquals(0, f.chip.processApdu(hex("9060000000")).length, "no ISO-DEP: mute");
    }

    @Test
    void getVersionPerVariant() {
        // §1.1: NT2H2331G0 00 04 04 02 04 00 0F 03, NT2H2331S0 subtype 08.
        assertEquals("0004040204000F03", f.raw("60"));
        assertEquals("0004040804000F03", Fixture.statusDetect().raw("60"));
    }

    @Test
    void deliveryStateHeaderAndNdef() {
        // Pages 00h–03h: UID0 UID1 UID2 BCC0 (88⊕04⊕AA⊕2B = 0D), UID3..6, BCC1 (D2⊕33⊕57⊕80 = 36) 48 00 00, CC.
        assertEquals("04AA2B0D D2335780 36480000 E1101200".replace(" ", ""), f.raw("3000"));
        assertEquals("0300FE00" + "00".repeat(12), f.raw("3004"));
        assertEquals("003C003C", hex(f.chip.page(0x29)));
        assertEquals(0, f.chip.nfcCounter());
        assertEquals("00000000", hex(f.chip.page(0x2B)), "PWD reads as 00");
    }

    @Test
    void readRollsOverToPageZero() {
        // §4 READ roll-over past the last page 3Bh (NTAG21x [inferred]).
        String r = f.raw("303A");
        assertEquals("00".repeat(8) + "04AA2B0D" + "D2335780", r);
    }

    @Test
    void fastReadChecksItsRange() {
        assertEquals(4 * 0x24 * 2, f.raw("3A0427").length());
        assertEquals("00", f.raw("3A0504"), "end before start");
        f.chip.activate();
        assertEquals("00", f.raw("3A003C"), "end past 3Bh");
        f.chip.activate();
        assertEquals(60 * 8, f.raw("3A003B").length());
    }

    @Test
    void keyPasswordAndPackPagesReadAsZero() {
        SimulatedNtag223 chip = SimulatedNtag223.builder().uid(UID).sunKey(hex("000102030405060708090A0B0C0D0E0F"))
                .build();
        Fixture k = new Fixture(chip);
        assertEquals("00".repeat(8), k.raw("3A2B2C"), "PWD FFFFFFFF and PACK read as 00");
        assertEquals("00".repeat(16), k.raw("3A3437"), "key pages are write-only");
        assertEquals("00".repeat(16), k.raw("3034"));
        assertEquals(MasterKeySet.kcv(hex("000102030405060708090A0B0C0D0E0F")), chip.sunKeyCheckValue());
    }

    @Test
    void uidPagesAndOutOfRangeWritesAreRefused() {
        assertEquals("00", f.raw("A20011223344"));
        f.chip.activate();
        assertEquals("00", f.raw("A20111223344"));
        f.chip.activate();
        assertEquals("00", f.raw("A23C11223344"));
        f.chip.activate();
        assertEquals("04AA2B0D", f.raw("3000").substring(0, 8));
    }

    @Test
    void capabilityContainerIsOtpAndPageTwoKeepsItsCheckBytes() {
        assertEquals("0A", f.raw("A2030000000F"));
        assertEquals("E110120F", hex(f.chip.page(3)), "bits ORed in");
        assertEquals("0A", f.raw("A20200000000"));
        assertEquals("0A", f.raw("A202FFFF0000"));
        assertEquals("36480000", hex(f.chip.page(2)), "BCC1 and internal byte are not written");
    }

    @Test
    void nakSendsTheChipToIdleUntilReselected() {
        assertEquals("00", f.raw("A20011223344"));
        assertFalse(f.chip.isActive());
        assertEquals("", f.raw("3004"), "mute in IDLE");
        f.chip.activate();
        assertEquals("0300FE00", f.raw("3004").substring(0, 8));
        Fixture lenient = new Fixture(SimulatedNtag223.builder().uid(UID).idleAfterNak(false).build());
        assertEquals("00", lenient.raw("A20011223344"));
        assertEquals("0300FE00", lenient.raw("3004").substring(0, 8));
    }

    @Test
    void unknownCommandsAndWrongLengthsAreNaked() {
        assertEquals("00", f.raw("1A00"), "no AES authentication on the 223 (§4)");
        f.chip.activate();
        assertEquals("00", f.raw("3004 00"));
        f.chip.activate();
        assertEquals("00", f.raw("A204112233"));
    }

    @Test
    void hltaMakesTheChipMuteUntilPowerCycle() {
        assertEquals("", f.raw("5000"));
        assertEquals("", f.raw("60"));
        f.chip.powerCycle();
        assertEquals("0004040204000F03", f.raw("60"));
    }

    @Test
    void compatibilityWriteTakesTheFirstFourOfSixteenBytes() {
        assertEquals("0A", f.raw("A005"));
        assertEquals("0A", f.raw("11223344 " + "FF".repeat(12)));
        assertEquals("11223344", hex(f.chip.page(5)));
        assertEquals("0A", f.raw("A006"));
        assertEquals("00", f.raw("11223344"), "data frame must be 16 bytes");
        assertEquals("00000000", hex(f.chip.page(6)));
        f.chip.activate();
        assertEquals("00", f.raw("A000"), "UID page");
    }

    @Test
    void readSigVerifiesWithTheTestKeyOnly() {
        // §8: 48-byte r ‖ s on secp192r1 over the raw UID; a simulator uses a published TEST key.
        byte[] sig = hex(f.raw("3C00"));
        assertEquals(48, sig.length);
        String testKey = OriginalityKeyPair.ntag223Test().publicKeyHex();
        assertTrue(Ntag223Originality.trust(List.of(testKey)).verify(UID, sig));
        assertFalse(Ntag223Originality.nxp().verify(UID, sig));
        assertEquals(98, testKey.length());
        assertNotEquals(Ntag223Originality.NXP_NTAG22X_KEY, testKey);
        assertEquals(testKey, OriginalityKeyPair.ntag223Test().publicKeyHex(), "deterministic");
        assertArrayEquals(sig, f.chip.originalitySignature());
        assertEquals("00", f.raw("3C01"));
    }

    @Test
    void randomUidComesFromOneDrawOfSixBytes() {
        RandomGenerator scripted = new RandomGenerator() {
            @Override
            public void nextBytes(byte[] bytes) {
                assertEquals(6, bytes.length);
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (0x11 * (i + 1));
                }
            }

            @Override
            public long nextLong() {
                throw new AssertionError("nextBytes only");
            }
        };
        SimulatedNtag223 chip = SimulatedNtag223.builder().random(scripted).variant(Ntag223Variant.STATUS_DETECT)
                .build();
        assertEquals("04112233445566", chip.uidHex());
        assertThrows(IllegalArgumentException.class, () -> SimulatedNtag223.builder().uid(new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> SimulatedNtag223.builder().page(1, new byte[4]));
    }
}
