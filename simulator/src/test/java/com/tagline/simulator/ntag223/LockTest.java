package com.tagline.simulator.ntag223;

import static com.tagline.simulator.ntag223.Fixture.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223NakException;
import com.tagline.hardware.ntag223.sun.SunMirror;
import org.junit.jupiter.api.Test;

/** Static and dynamic lock bits, block locking, CFGLCK and LOCK_SUNCMAC_KEY (ntag223.md §2.1, §3, §4). */
class LockTest {
    private static final byte[] DATA = hex("11223344");

    private final Fixture f = Fixture.plain();

    private void refused(int page) {
        assertThrows(Ntag223NakException.class, () -> f.host.write(page, DATA), "page " + page);
        f.link.reactivate();
    }

    @Test
    void staticLockBitsLockSinglePagesAndCannotBeCleared() {
        f.memory.setStaticLockBits(0x10, 0x01); // L-4, L-8
        refused(0x04);
        refused(0x08);
        f.host.write(0x05, DATA);
        f.host.write(0x0F, DATA);
        f.memory.setStaticLockBits(0x00, 0x00);
        assertEquals("36481001", hex(f.chip.page(2)), "lock bits can only be set");
        refused(0x04);
    }

    @Test
    void lockCcMakesTheCapabilityContainerReadOnly() {
        f.memory.setStaticLockBits(0x08, 0x00); // L-CC
        refused(0x03);
        assertEquals("E1101200", hex(f.chip.page(3)));
    }

    @Test
    void blockLockingBitsFreezeTheirLockBits() {
        f.memory.setStaticLockBits(0x02, 0x00); // BL-9-4 freezes L-4..L-9
        f.memory.setStaticLockBits(0xF0, 0xFF);
        assertEquals("364802FC", hex(f.chip.page(2)), "L-4..L-9 frozen, L-10..L-15 set");
        f.host.write(0x04, DATA);
        f.host.write(0x09, DATA);
        refused(0x0A);
    }

    @Test
    void dynamicLockBitsLockPagePairs() {
        f.memory.setDynamicLockBits(0x01, 0x08, 0x00); // pages 10h–11h and 26h–27h (NTAG213 mapping [inferred])
        refused(0x10);
        refused(0x11);
        refused(0x26);
        refused(0x27);
        f.host.write(0x12, DATA);
        f.host.write(0x25, DATA);
        f.memory.setDynamicLockBits(0x00, 0x00, 0x00);
        assertEquals("01080000", hex(f.chip.page(0x28)));
    }

    @Test
    void lockedSunKeyCannotBeRewrittenAndTheLockIsSticky() {
        byte[] key = hex("2B7E151628AED2A6ABF7158809CF4F3C");
        new SunMirror(f.memory).writeKey(key);
        assertTrue(f.memory.lockSunKey().sunKeyLocked());
        for (int page = 0x34; page <= 0x37; page++) {
            refused(page);
        }
        f.host.write(0x2D, new byte[4]);
        assertTrue(f.memory.readConfiguration().sunKeyLocked(), "LOCK_SUNCMAC_KEY cannot be cleared");
        assertEquals(MasterKeySet.kcv(key), f.chip.sunKeyCheckValue());
    }

    @Test
    void configLockFreezesCfg0AndCfg1ButNotThePassword() {
        f.memory.writeCfg1(f.memory.readConfiguration().withConfigLock());
        refused(0x29);
        refused(0x2A);
        f.host.write(0x2B, DATA);
        f.host.write(0x2C, DATA);
        assertTrue(f.chip.configuration().configLocked());
    }
}
