package com.tagline.simulator.ntag223;

import com.tagline.hardware.ntag223.ConfigBits;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Config;

/**
 * Who may read and write which page (ntag223.md §4 access rules, NTAG21x [inferred]): UID pages
 * read-only; lock and OTP bits can only be set; static lock bits (page 02h) lock CC and pages 04h–0Fh,
 * dynamic lock bits (28h) lock pages from 10h on in pairs (NTAG213 §8.5.2); block-locking bits freeze
 * lock bits; CFG pages need CFGLCK clear; key pages need LOCK_SUNCMAC_KEY clear and read as 00, as do
 * PWD and PACK; pages from AUTH0 on need PWD_AUTH to be written, and with PROT to be read.
 */
final class PageRules {
    /** Static lock byte 0: BL-CC, BL-9-4, BL-15-10, L-CC, L-4..L-7. */
    private static final int BL_CC = 0x01;
    private static final int BL_9_4 = 0x02;
    private static final int BL_15_10 = 0x04;
    private static final int L_CC = 0x08;
    private static final int FIRST_DYNAMIC_PAGE = 0x10;

    private final Eeprom eeprom;
    private final MemoryMap map;
    private final ConfigBits bits;

    PageRules(Eeprom eeprom, ConfigBits bits) {
        this.eeprom = eeprom;
        this.map = eeprom.map();
        this.bits = bits;
    }

    /** First page a READ may not start at and a roll-over wraps before. */
    int readLimit(boolean authenticated) {
        Ntag223Config c = eeprom.config();
        int end = map.lastPage() + 1;
        return c.prot() && !authenticated ? Math.min(c.auth0(), end) : end;
    }

    /** The page as READ shows it before the mirror overlay: PWD, PACK and key pages read as 00. */
    byte[] visible(int page) {
        if (page == map.pwd() || page == map.pack() || map.isSunKeyPage(page)) {
            return new byte[MemoryMap.PAGE_SIZE];
        }
        return eeprom.page(page);
    }

    /** Applies one WRITE, or throws a NAK; the page changes completely or not at all. */
    void write(int page, byte[] data, boolean authenticated) {
        Ntag223Config c = eeprom.config();
        if (page > map.lastPage() || page < MemoryMap.STATIC_LOCK_PAGE) {
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
        if (page >= c.auth0() && !authenticated) {
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
        if (page == MemoryMap.STATIC_LOCK_PAGE) {
            writeStaticLock(data);
        } else if (page == MemoryMap.CC_PAGE) {
            requireUnlocked((eeprom.byteAt(MemoryMap.STATIC_LOCK_PAGE, 2) & L_CC) != 0);
            eeprom.setPage(page, or(eeprom.page(page), data, new byte[] {-1, -1, -1, -1}));
        } else if (map.isUserPage(page)) {
            requireUnlocked(userPageLocked(page));
            eeprom.setPage(page, data);
        } else if (page == map.dynamicLock()) {
            eeprom.setPage(page, or(eeprom.page(page), data, new byte[] {-1, -1, -1, 0}));
        } else if (page == map.cfg0() || page == map.cfg1()) {
            requireUnlocked(c.configLocked());
            eeprom.setPage(page, data);
        } else if (page == map.keyLock()) {
            byte[] d = data.clone();
            d[0] = (byte) (d[0] | eeprom.byteAt(page, 0) & bits.sunKeyLock()); // LOCK_SUNCMAC_KEY is sticky
            eeprom.setPage(page, d);
        } else if (map.isSunKeyPage(page)) {
            requireUnlocked(c.sunKeyLocked());
            eeprom.setPage(page, data);
        } else {
            eeprom.setPage(page, data); // PWD, PACK and RFU/unknown pages are stored as written
        }
    }

    /** Page 02h: bytes 0–1 (BCC1, internal) are not written; lock bits are ORed unless frozen by BL bits. */
    private void writeStaticLock(byte[] data) {
        int lock0 = eeprom.byteAt(MemoryMap.STATIC_LOCK_PAGE, 2);
        int lock1 = eeprom.byteAt(MemoryMap.STATIC_LOCK_PAGE, 3);
        int frozen0 = ((lock0 & BL_CC) != 0 ? L_CC : 0) | ((lock0 & BL_9_4) != 0 ? 0xF0 : 0);
        int frozen1 = ((lock0 & BL_9_4) != 0 ? 0x03 : 0) | ((lock0 & BL_15_10) != 0 ? 0xFC : 0);
        byte[] page = eeprom.page(MemoryMap.STATIC_LOCK_PAGE);
        page[2] = (byte) (lock0 | data[2] & ~frozen0);
        page[3] = (byte) (lock1 | data[3] & ~frozen1);
        eeprom.setPage(MemoryMap.STATIC_LOCK_PAGE, page);
    }

    boolean userPageLocked(int page) {
        if (page < FIRST_DYNAMIC_PAGE) {
            int lockBit = page; // L-n locks page n: L-4..L-7 are LOCK0 bits 4..7, L-8..L-15 LOCK1 bits 0..7
            int lockByte = eeprom.byteAt(MemoryMap.STATIC_LOCK_PAGE, 2 + lockBit / 8);
            return (lockByte & 1 << lockBit % 8) != 0;
        }
        int group = (page - FIRST_DYNAMIC_PAGE) / 2;
        return (eeprom.byteAt(map.dynamicLock(), group / 8) & 1 << group % 8) != 0;
    }

    private static void requireUnlocked(boolean locked) {
        if (locked) {
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
    }

    private static byte[] or(byte[] old, byte[] data, byte[] mask) {
        byte[] out = old.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (old[i] | data[i] & mask[i]);
        }
        return out;
    }
}
