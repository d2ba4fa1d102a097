package com.tagline.simulator.ntag223;

import com.tagline.hardware.ntag223.ConfigBits;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.sun.SunCmac;
import com.tagline.hardware.ntag223.sun.TamperState;
import java.util.Arrays;

/**
 * The non-volatile state of a simulated NTAG 223 DNA: the pages (ntag223.md §2.1), the 24-bit NFC
 * counter, the failed PWD_AUTH counter and the latched tamper status. Survives power cycles. Every
 * page change is one {@link #setPage} call, so a page write is all-or-nothing.
 */
final class Eeprom {
    private final MemoryMap map;
    private final ConfigBits bits;
    private final byte[] memory;
    private int counter;
    private int failedPasswordAttempts;
    private TamperState storedTamper = TamperState.CLOSED;

    Eeprom(MemoryMap map, ConfigBits bits) {
        this.map = map;
        this.bits = bits;
        this.memory = new byte[map.pageCount() * MemoryMap.PAGE_SIZE];
    }

    MemoryMap map() {
        return map;
    }

    byte[] page(int page) {
        int at = page * MemoryMap.PAGE_SIZE;
        return Arrays.copyOfRange(memory, at, at + MemoryMap.PAGE_SIZE);
    }

    void setPage(int page, byte[] data) {
        System.arraycopy(data, 0, memory, page * MemoryMap.PAGE_SIZE, MemoryMap.PAGE_SIZE);
    }

    int byteAt(int page, int index) {
        return memory[page * MemoryMap.PAGE_SIZE + index] & 0xFF;
    }

    /** The configuration pages as the host decodes them (§3). */
    Ntag223Config config() {
        return new Ntag223Config(page(map.dynamicLock()), page(map.cfg0()), page(map.cfg1()), page(map.keyLock()),
                bits);
    }

    /** SUNCMAC_KEY in conventional order, from the byte-reversed pages (§6.3). */
    byte[] sunKey() {
        int at = map.sunKey() * MemoryMap.PAGE_SIZE;
        return SunCmac.pagesToKey(Arrays.copyOfRange(memory, at, at + SunCmac.KEY_LENGTH));
    }

    int counter() {
        return counter;
    }

    void counter(int value) {
        if (value < 0 || value > SunCmac.MAX_COUNTER) {
            throw new IllegalArgumentException("NFC counter is 24 bits");
        }
        counter = value;
    }

    /** One increment, saturating at FFFFFFh (NTAG21x [inferred]). */
    void incrementCounter() {
        if (counter < SunCmac.MAX_COUNTER) {
            counter++;
        }
    }

    int failedPasswordAttempts() {
        return failedPasswordAttempts;
    }

    void failedPasswordAttempts(int value) {
        failedPasswordAttempts = value;
    }

    TamperState storedTamper() {
        return storedTamper;
    }

    void storedTamper(TamperState value) {
        storedTamper = value;
    }
}
