package com.tagline.simulator.ntag223;

import static com.tagline.simulator.ntag223.Fixture.UID;
import static com.tagline.simulator.ntag223.Fixture.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.ntag223.ConfigBits;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Nak;
import com.tagline.hardware.ntag223.Ntag223NakException;
import com.tagline.hardware.ntag223.Ntag223Profile;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorLayout;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag223.sun.SunMirror;
import com.tagline.hardware.tag.TagLostException;
import org.junit.jupiter.api.Test;

/** AUTH0 / PROT / PWD / PACK / AUTHLIM (ntag223.md §3, §4 access rules, NTAG21x [inferred]). */
class PasswordProtectionTest {
    private static final byte[] PWD = hex("A1B2C3D4");
    private static final byte[] PACK = hex("5A5B");

    private final Fixture f = Fixture.plain();

    private Ntag223NakException nak(Runnable command) {
        Ntag223NakException e = assertThrows(Ntag223NakException.class, command::run);
        f.link.reactivate(); // after a NAK the chip is IDLE until the reader selects it again
        return e;
    }

    @Test
    void writeProtectionFromAuth0WithoutProt() {
        f.memory.writePassword(PWD, PACK);
        f.memory.protect(0x10, false, 0);
        Ntag223NakException e = nak(() -> f.host.write(0x10, hex("01020304")));
        assertEquals(Ntag223Nak.INVALID_ARGUMENT, e.nak());
        f.host.write(0x0F, hex("01020304"));
        assertEquals("00000000", Fixture.hex(f.host.read(0x10)).substring(0, 8), "PROT 0: reads stay free");
        nak(() -> f.host.write(0x29, hex("003C003C")));
        assertArrayEquals(PACK, f.host.pwdAuth(PWD));
        f.host.write(0x10, hex("01020304"));
        assertEquals("01020304", hex(f.chip.page(0x10)));
        f.link.putBack();
        assertFalse(f.chip.isAuthenticated(), "a power cycle ends the authentication");
        nak(() -> f.host.write(0x10, hex("05060708")));
    }

    @Test
    void readProtectionWithProt() {
        MirrorLayout l = MirrorLayout.build("https://t.example/p", MirrorTemplate.defaults(), Ntag223Variant.PLAIN,
                MemoryMap.ntag223());
        f.memory.writeUserMemory(l.userImage());
        new SunMirror(f.memory).enable(l, true, false);
        f.memory.writePassword(PWD, PACK);
        f.memory.protect(0x20, true, 0);
        nak(() -> f.host.read(0x20));
        nak(() -> f.host.fastRead(0x04, 0x20));
        String rolled = hex(f.host.read(0x1E));
        assertEquals(hex(f.host.read(0x00)).substring(0, 16), rolled.substring(16), "roll-over at AUTH0");
        assertEquals("0004040204000F03", hex(f.host.getVersion().bytes()), "GET_VERSION ignores AUTH0");
        assertEquals(48, f.host.readSig().length, "READ_SIG ignores AUTH0");
        assertTrue(new SunMirror(f.memory).readMessage(l).counter() >= 0, "mirror below AUTH0 stays readable");
        f.host.pwdAuth(PWD);
        assertEquals(16, f.host.read(0x2A).length);
        assertEquals("00000000", hex(f.host.read(0x2B)).substring(0, 8), "PWD reads as 00 even when authenticated");
    }

    @Test
    void wrongPasswordIsANakAndCounted() {
        f.memory.writePassword(PWD, PACK);
        Ntag223NakException e = nak(() -> f.host.pwdAuth(hex("00000000")));
        assertEquals(Ntag223Nak.INVALID_ARGUMENT, e.nak());
        assertFalse(f.host.isAuthenticated());
        assertEquals(1, f.chip.failedPasswordAttempts());
        f.host.pwdAuth(PWD);
        assertEquals(0, f.chip.failedPasswordAttempts(), "reset by a correct password");
    }

    @Test
    void authLimitLocksPasswordAuthenticationWithNak4() {
        // AUTHLIM at CFG_B1 bits 2..0 (NTAG21x reading, ConfigBits.authLimitLikeNtag21x): 2^1 = 2 failures.
        Ntag223Profile profile = Ntag223Profile.defaults().withBits(ConfigBits.authLimitLikeNtag21x());
        Fixture g = new Fixture(SimulatedNtag223.builder().uid(UID).profile(profile).build());
        g.memory.writePassword(PWD, PACK);
        g.memory.protect(0x3C, false, 1);
        for (int i = 0; i < 2; i++) {
            assertThrows(Ntag223NakException.class, () -> g.host.pwdAuth(hex("00000000")));
            g.link.reactivate();
        }
        Ntag223NakException e = assertThrows(Ntag223NakException.class, () -> g.host.pwdAuth(PWD));
        assertEquals(Ntag223Nak.AUTHENTICATION_COUNTER_OVERFLOW, e.nak());
        assertEquals(4, e.code());
    }

    @Test
    void counterReadNeedsThePasswordWhenProtected() {
        f.memory.writePassword(PWD, PACK);
        f.memory.writeCfg1(f.memory.readConfiguration().withCounter(true).withCounterPasswordProtection(true));
        nak(f.host::readCnt);
        f.host.pwdAuth(PWD);
        assertEquals(0, f.host.readCnt());
    }

    @Test
    void aMuteIdleChipIsLostForTheHost() {
        assertThrows(Ntag223NakException.class, () -> f.host.write(0, new byte[4]));
        TagLostException e = assertThrows(TagLostException.class, () -> f.host.read(4));
        assertTrue(e.getMessage().contains("did not answer"));
        assertEquals(profileReadTimeout(), f.sleeps.get(f.sleeps.size() - 1));
    }

    private java.time.Duration profileReadTimeout() {
        return f.chip.profile().readTimeout();
    }
}
