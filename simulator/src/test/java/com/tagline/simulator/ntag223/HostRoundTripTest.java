package com.tagline.simulator.ntag223;

import com.tagline.hardware.ntag223.sun.SunMirror;
import com.tagline.simulator.field.OriginalityKeyPair;
import static com.tagline.simulator.ntag223.Fixture.UID;
import static com.tagline.simulator.ntag223.Fixture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ndef.NdefUri;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Keys;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorLayout;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag223.sun.SunMessage;
import com.tagline.hardware.ntag223.sun.SunMessageResult;
import com.tagline.hardware.ntag223.sun.SunMessageVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host protocol against the simulated chip: every command, a whole personalization, mirror and counter. */
class HostRoundTripTest {
    private static final byte[] ZERO_KEY = new byte[16];
    private static final String URL = "https://t.example/p/8a3f";

    private final Fixture f = Fixture.plain();

    @Test
    void everyCommandRoundTrips() {
        assertEquals(Ntag223Variant.PLAIN, f.host.getVersion().variant().orElseThrow());
        assertEquals("0300FE00", hex(f.host.read(4)).substring(0, 8));
        f.host.write(5, hex("01020304"));
        f.host.compatibilityWrite(6, hex("05060708"));
        assertEquals("0102030405060708", hex(f.host.fastRead(5, 6)));
        assertTrue(f.host.verifyOriginality(Ntag223Originality.trust(List.of(
                OriginalityKeyPair.ntag223Test().publicKeyHex()))));
        assertFalse(f.host.verifyOriginality(Ntag223Originality.nxp()));
        assertArrayEquals(new byte[2], f.host.pwdAuth(hex("FFFFFFFF")), "factory PWD/PACK (NTAG21x [inferred])");
        assertTrue(f.chip.isAuthenticated());
        assertEquals(0, f.host.readCnt());
        assertEquals(UID.length, f.memory.readHeader().uid().length);
        assertTrue(f.memory.readHeader().checkBytesValid());
    }

    @Test
    void simulatorReproducesTheFirstAn12998Vector() {
        // AN12998 vector 1 (ntag223.md §6.5): UID 04AA2BD2335780, zero key, counter 000001 after the first read.
        MirrorLayout l = MirrorLayout.build(URL, MirrorTemplate.defaults(), Ntag223Variant.PLAIN, MemoryMap.ntag223());
        f.memory.writeUserMemory(l.userImage());
        new SunMirror(f.memory).enable(l, true, false);
        f.link.putBack();
        assertEquals("04AA2BD2335780x000001xB188AC6F69140B92", new SunMirror(f.memory).readMessage(l).text());
    }

    @Test
    void personalizationAsAStationWouldDoIt() {
        byte[] master2 = hex("00112233445566778899AABBCCDDEEFF");
        MasterKeySet keys = new MasterKeySet(List.of(new byte[16], new byte[16], master2, new byte[16], new byte[16]),
                3, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
        byte[] sunKey = Ntag223Keys.sunKey(keys.diversify(UID));
        // inspect (§7 steps 1–2)
        assertTrue(f.host.getVersion().isNtag223());
        Ntag223Config before = f.memory.readConfiguration();
        assertFalse(before.configLocked() || before.sunKeyLocked() || before.passwordProtectionActive(0x3B));
        MirrorLayout l = MirrorLayout.build(URL, MirrorTemplate.defaults(), Ntag223Variant.PLAIN, MemoryMap.ntag223());
        assertFalse(l.matchesIgnoringMirror(f.memory.readUserMemory()), "blank, not ours");
        // write (§7 steps 3–5)
        assertFalse(f.memory.ensureCapabilityContainer());
        f.memory.writeUserMemory(l.userImage());
        new SunMirror(f.memory).writeKey(sunKey);
        new SunMirror(f.memory).enable(l, true, false);
        // verify (§7 step 6) through the NDEF a phone reads
        f.link.putBack();
        String scanned = NdefUri.parse(f.memory.readNdefMessage().orElseThrow()).uri();
        SunMessageResult r = SunMessageVerifier.verifyUrl(scanned, sunKey, l.parameterName());
        assertTrue(r.valid(), scanned);
        assertEquals(1, r.counter());
        assertEquals("04AA2BD2335780", r.uidHex());
        assertTrue(l.matchesIgnoringMirror(f.memory.readUserMemory()), "ours");
        assertFalse(SunMessageVerifier.verifyUrl(scanned, ZERO_KEY, null).valid());
        // lock and protect (§7 steps 7–8)
        assertTrue(f.memory.lockSunKey().sunKeyLocked());
        f.memory.writePassword(hex("A1B2C3D4"), hex("5A5A"));
        Ntag223Config done = f.memory.protect(0x29, false, 0);
        assertEquals(0x29, f.chip.configuration().auth0());
        assertTrue(done.passwordProtectionActive(0x3B));
        // re-select and read once more (§7 step 9)
        f.link.putBack();
        SunMessage last = new SunMirror(f.memory).readMessage(l);
        assertTrue(SunMessageVerifier.verify(last, sunKey).valid());
        assertEquals(2, last.counter());
        assertEquals(MasterKeySet.kcv(sunKey), f.chip.sunKeyCheckValue());
    }

    @Test
    void counterCountsTheFirstReadOfEachPowerUp() {
        MirrorLayout l = MirrorLayout.build(URL, MirrorTemplate.defaults(), Ntag223Variant.PLAIN, MemoryMap.ntag223());
        f.memory.writeUserMemory(l.userImage());
        new SunMirror(f.memory).enable(l, true, false);
        assertEquals(0, f.chip.nfcCounter(), "enabled after this power-up's first read");
        f.link.putBack();
        assertEquals(1, new SunMirror(f.memory).readMessage(l).counter());
        assertEquals(1, new SunMirror(f.memory).readMessage(l).counter(), "same power-up");
        f.link.reactivate();
        assertEquals(1, new SunMirror(f.memory).readMessage(l).counter(), "re-selection is no power-up");
        f.link.putBack();
        assertEquals(1, f.host.readCnt(), "READ_CNT is no READ: nothing counted yet");
        assertEquals(2, new SunMirror(f.memory).readMessage(l).counter());
        assertEquals(2, f.host.readCnt());
        assertEquals(2, f.chip.nfcCounter());
    }

    @Test
    void disabledCounterMirrorsZerosAndTheMessageRepeats() {
        // §6.1: with the counter disabled two reads give identical messages (static, replayable).
        MirrorLayout l = MirrorLayout.build(URL, MirrorTemplate.defaults(), Ntag223Variant.PLAIN, MemoryMap.ntag223());
        f.memory.writeUserMemory(l.userImage());
        new SunMirror(f.memory).enable(l, false, false);
        f.link.putBack();
        SunMessage a = new SunMirror(f.memory).readMessage(l);
        f.link.putBack();
        assertEquals(a, new SunMirror(f.memory).readMessage(l));
        assertEquals(0, a.counter());
        assertTrue(SunMessageVerifier.verify(a, ZERO_KEY).valid(), "factory zero key");
    }

    @Test
    void counterSaturatesAtItsMaximum() {
        Fixture s = new Fixture(SimulatedNtag223.builder().uid(UID).nfcCounter(0xFFFFFE).build());
        MirrorLayout l = MirrorLayout.build(URL, MirrorTemplate.defaults(), Ntag223Variant.PLAIN, MemoryMap.ntag223());
        s.memory.writeUserMemory(l.userImage());
        new SunMirror(s.memory).enable(l, true, false);
        for (int i = 0; i < 3; i++) {
            s.link.putBack();
            new SunMirror(s.memory).readMessage(l);
        }
        assertEquals(0xFFFFFF, s.chip.nfcCounter());
    }

    @Test
    void mirrorUsesTheKeyInMemoryAtReadTimeAndLeavesEepromAlone() {
        MirrorLayout l = MirrorLayout.build(URL, MirrorTemplate.defaults(), Ntag223Variant.PLAIN, MemoryMap.ntag223());
        f.memory.writeUserMemory(l.userImage());
        new SunMirror(f.memory).enable(l, false, false);
        assertTrue(SunMessageVerifier.verify(new SunMirror(f.memory).readMessage(l), ZERO_KEY).valid());
        byte[] key = hex("2B7E151628AED2A6ABF7158809CF4F3C");
        new SunMirror(f.memory).writeKey(key);
        assertTrue(SunMessageVerifier.verify(new SunMirror(f.memory).readMessage(l), key).valid(), "no re-selection needed");
        int page = l.firstMessagePage() + 1;
        assertEquals("30303030", hex(f.chip.page(page)), "EEPROM keeps the '0' placeholder");
        Ntag223Config off = f.memory.readConfiguration().withMirror(false, l.mirrorPage(), l.mirrorByte());
        f.memory.writeCfg0(off);
        assertEquals("0".repeat(38), l.extractMessage(f.memory.readUserMemory(), MemoryMap.ntag223().userStart()),
                "mirror off shows the placeholder");
    }

    @Test
    void mirrorOutsideUserMemoryIsNotShown() {
        Ntag223Config c = f.memory.readConfiguration().withMirror(true, 0x27, 0);
        f.memory.writeCfg0(c);
        assertEquals("00".repeat(4), hex(f.host.read(0x27)).substring(0, 8), "38 characters would not fit");
    }
}
