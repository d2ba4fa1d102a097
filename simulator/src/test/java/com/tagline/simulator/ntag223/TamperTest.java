package com.tagline.simulator.ntag223;

import static com.tagline.simulator.ntag223.Fixture.UID;
import static com.tagline.simulator.ntag223.Fixture.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.ndef.NdefUri;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorLayout;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag223.sun.SunMessage;
import com.tagline.hardware.ntag223.sun.SunMessageResult;
import com.tagline.hardware.ntag223.sun.SunMessageVerifier;
import com.tagline.hardware.ntag223.sun.SunMirror;
import com.tagline.hardware.ntag223.sun.TamperState;
import org.junit.jupiter.api.Test;

/** StatusDetect: the tamper field in the 49-character message and its CMAC (ntag223.md §6.1–§6.2, §11). */
class TamperTest {
    private static final byte[] KEY = hex("2B7E151628AED2A6ABF7158809CF4F3C");
    private static final MirrorLayout LAYOUT = MirrorLayout.build("http://www.foo.bar", new MirrorTemplate("uid={sun}"),
            Ntag223Variant.STATUS_DETECT, MemoryMap.ntag223());

    private static Fixture personalized(SimulatedNtag223 chip, boolean visible) {
        Fixture f = new Fixture(chip);
        f.memory.writeUserMemory(LAYOUT.userImage());
        new SunMirror(f.memory).writeKey(KEY);
        new SunMirror(f.memory).enable(LAYOUT, false, visible);
        f.link.putBack();
        return f;
    }

    private static String scan(Fixture f) {
        SunMessage m = new SunMirror(f.memory).readMessage(LAYOUT);
        SunMessageResult r = SunMessageVerifier.verify(m, KEY);
        assertTrue(r.valid(), m.text());
        return r.tamper().text();
    }

    @Test
    void hiddenTamperDataReadsAsZerosAndMatchesTheRealTag() {
        // Real 223 SD with the §6.4 template and the NIST key, tamper hidden (Proxmark3 ntag22x_libsuncmac.py,
        // commit 79b9945): http://www.foo.bar?uid=048A0FEA841390x000000x0000000000x1A797B9096B03021.
        SimulatedNtag223 chip = SimulatedNtag223.builder().uid(hex("048A0FEA841390"))
                .variant(Ntag223Variant.STATUS_DETECT).build();
        Fixture f = personalized(chip, false);
        f.chip.tamperLoop().open();
        f.link.putBack();
        String expected = "http://www.foo.bar?uid=048A0FEA841390x000000x0000000000x1A797B9096B03021";
        assertEquals(expected, NdefUri.parse(f.memory.readNdefMessage().orElseThrow()).uri());
        assertEquals(expected, LAYOUT.urlWith(new SunMirror(f.memory).readMessage(LAYOUT)));
    }

    @Test
    void openingTheLoopShowsAfterThePowerUpAndLatches() {
        Fixture f = personalized(SimulatedNtag223.builder().uid(UID).variant(Ntag223Variant.STATUS_DETECT).build(),
                true);
        assertEquals("CC00000000", scan(f));
        f.chip.tamperLoop().open();
        assertEquals("CC00000000", scan(f), "measured at power-up only");
        f.link.putBack();
        assertEquals("OO00000000", scan(f));
        assertEquals(TamperState.OPEN, f.chip.storedTamperStatus());
        f.chip.tamperLoop().close();
        f.link.putBack();
        assertEquals("OC00000000", scan(f), "stored status stays open");
        f.chip.tamperLoop().makeUnreadable();
        f.link.putBack();
        assertEquals("OI00000000", scan(f));
    }

    @Test
    void withoutLatchingOnlyTheCurrentLetterFollowsTheLoop() {
        SimulatedNtag223 chip = SimulatedNtag223.builder().uid(UID).variant(Ntag223Variant.STATUS_DETECT)
                .tamperLatch(false).tamperLoop(TamperState.OPEN).tamperData(hex("00000001")).build();
        Fixture f = personalized(chip, true);
        assertEquals("CO00000001", scan(f), "the real tag's 'CO' shape (§3 observation)");
        f.chip.tamperLoop().close();
        f.link.putBack();
        assertEquals("CC00000001", scan(f));
    }

    @Test
    void plainChipHasNoTamperField() {
        MirrorLayout plain = MirrorLayout.build("http://www.foo.bar", new MirrorTemplate("uid={sun}"),
                Ntag223Variant.PLAIN, MemoryMap.ntag223());
        Fixture f = Fixture.plain();
        f.memory.writeUserMemory(plain.userImage());
        new SunMirror(f.memory).enable(plain, true, true);
        f.chip.tamperLoop().open();
        f.link.putBack();
        SunMessage m = new SunMirror(f.memory).readMessage(plain);
        assertEquals(38, m.text().length());
        assertNull(m.tamper());
    }
}
