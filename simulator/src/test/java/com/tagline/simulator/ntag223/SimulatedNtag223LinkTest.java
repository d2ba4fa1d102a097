package com.tagline.simulator.ntag223;

import static com.tagline.simulator.ntag223.Fixture.UID;
import static com.tagline.simulator.ntag223.Fixture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.TaglineException;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223NakException;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorLayout;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag223.sun.SunCmac;
import com.tagline.hardware.ntag223.sun.SunMessage;
import com.tagline.hardware.ntag223.sun.SunMessageVerifier;
import com.tagline.hardware.ntag223.sun.SunMirror;
import com.tagline.hardware.tag.TagLostException;
import com.tagline.hardware.tag.Target;
import com.tagline.simulator.field.TearPoint;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The direct link and its faults: torn page writes, leaving the field, mute chip, slow answers. */
class SimulatedNtag223LinkTest {
    private static final byte[] OLD_KEY = new byte[16];
    private static final byte[] NEW_KEY = hex("2B7E151628AED2A6ABF7158809CF4F3C");

    private final Fixture f = Fixture.plain();

    @Test
    void targetIsType2AndApdusAreRefused() {
        Target t = f.link.target();
        assertArrayEquals(UID, t.uid());
        assertEquals(0x0044, t.atqa());
        assertEquals(0x00, t.sak());
        assertFalse(t.isoDep());
        TaglineException e = assertThrows(TaglineException.class, () -> f.link.transceive(hex("9060000000")));
        assertTrue(e.getMessage().contains("Type 2"));
    }

    @Test
    void tearBeforeApplyLeavesThePageAndPowerCyclesTheChip() {
        f.host.pwdAuth(hex("FFFFFFFF"));
        f.link.tearNext(0xA2, TearPoint.BEFORE_APPLY);
        f.host.read(4); // other commands pass
        assertThrows(TagLostException.class, () -> f.host.write(5, hex("11223344")));
        assertEquals("00000000", hex(f.chip.page(5)));
        assertFalse(f.chip.isAuthenticated());
        assertFalse(f.host.isAuthenticated());
        f.host.write(5, hex("11223344"));
        assertEquals("11223344", hex(f.chip.page(5)), "the tear fired once");
    }

    @Test
    void tearAfterApplyKeepsTheWholePageButLosesTheAck() {
        f.link.tearNextWrite(6, TearPoint.AFTER_APPLY);
        f.host.write(5, hex("AAAAAAAA"));
        assertThrows(TagLostException.class, () -> f.host.write(6, hex("11223344")));
        assertEquals("11223344", hex(f.chip.page(6)));
    }

    @Test
    void compatibilityWriteTearsAtItsDataFrame() {
        f.link.tearNext(0xA0, TearPoint.BEFORE_APPLY);
        assertThrows(TagLostException.class, () -> f.host.compatibilityWrite(7, hex("11223344")));
        assertEquals("00000000", hex(f.chip.page(7)));
        f.link.tearNextWrite(7, TearPoint.AFTER_APPLY);
        assertThrows(TagLostException.class, () -> f.host.compatibilityWrite(7, hex("55667788")));
        assertEquals("55667788", hex(f.chip.page(7)));
        f.host.compatibilityWrite(7, hex("99AABBCC"));
        assertEquals("99AABBCC", hex(f.chip.page(7)));
    }

    @Test
    void tornKeyWriteLeavesAMixedKeyThatTheMacReveals() {
        // ntag223.md §6.3: a torn key write changes the MAC; the MAC uses the EEPROM key at read time.
        MirrorLayout l = MirrorLayout.build("https://t.example/p", MirrorTemplate.defaults(), Ntag223Variant.PLAIN,
                MemoryMap.ntag223());
        f.memory.writeUserMemory(l.userImage());
        new SunMirror(f.memory).enable(l, true, false);
        f.link.tearNextWrite(0x36, TearPoint.BEFORE_APPLY);
        assertThrows(TagLostException.class, () -> new SunMirror(f.memory).writeKey(NEW_KEY));
        byte[] pages = SunCmac.keyToPages(NEW_KEY);
        Arrays.fill(pages, 8, 16, (byte) 0); // pages 36h and 37h still hold the old (zero) key bytes
        byte[] mixed = SunCmac.pagesToKey(pages);
        SunMessage m = new SunMirror(f.memory).readMessage(l);
        assertTrue(SunMessageVerifier.verify(m, mixed).valid());
        assertFalse(SunMessageVerifier.verify(m, OLD_KEY).valid());
        assertFalse(SunMessageVerifier.verify(m, NEW_KEY).valid());
        new SunMirror(f.memory).writeKey(NEW_KEY); // a resumed personalization rewrites all four pages
        assertTrue(SunMessageVerifier.verify(new SunMirror(f.memory).readMessage(l), NEW_KEY).valid());
        assertEquals(MasterKeySet.kcv(NEW_KEY), f.chip.sunKeyCheckValue());
    }

    @Test
    void leavingTheFieldLosesEveryExchangeUntilPutBack() {
        f.link.removeFromField();
        assertFalse(f.link.inField());
        assertThrows(TagLostException.class, f.host::getVersion);
        f.link.putBack();
        assertTrue(f.host.getVersion().isNtag223());
        assertEquals(1, f.link.exchanges(), "the refused exchange is not counted");
    }

    @Test
    void mutedChipWaitsTheTimeoutAndReactivationWakesIt() {
        assertThrows(Ntag223NakException.class, () -> f.host.read(0x3C), "there is no page 3Ch");
        assertThrows(TagLostException.class, () -> f.host.read(4), "IDLE after the NAK");
        assertEquals(List.of(Duration.ofMillis(5)), f.sleeps, "the host waited its READ timeout");
        f.link.reactivate();
        assertEquals(16, f.host.read(4).length);
    }

    @Test
    void slowAnswersBeyondTheTimeoutAreLostButApplied() {
        f.link.responseLatency(Duration.ofMillis(20));
        assertThrows(TagLostException.class, () -> f.host.write(5, hex("11223344")));
        assertEquals("11223344", hex(f.chip.page(5)));
        assertEquals(Duration.ofMillis(10), f.sleeps.get(0), "the host waited its WRITE timeout");
        f.link.responseLatency(Duration.ofMillis(3));
        assertEquals(16, f.host.read(4).length);
        assertEquals(Duration.ofMillis(3), f.sleeps.get(1));
        assertThrows(IllegalArgumentException.class, () -> f.link.responseLatency(Duration.ofMillis(-1)));
    }
}
