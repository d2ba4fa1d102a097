package com.tagline.hardware.ntag223;

/**
 * Page addresses of an NTAG 22x DNA (ntag223.md §2.1; page = 4 bytes). Pages 00h–03h (UID, static
 * lock bytes, capability container) are the NFC Forum Type 2 header and fixed; everything else is a
 * parameter because several addresses are [inferred] from NTAG213 (dynamic lock 28h, PWD 2Bh, PACK 2Ch)
 * and should be checked on silicon.
 *
 * @param userStart first user page (04h) [public code]
 * @param userEnd last user page (27h, 144 bytes) [public code]
 * @param dynamicLock dynamic lock bytes (28h) [inferred]
 * @param cfg0 CFG0: CFG_B0, TT byte, MIRROR_PAGE, AUTH0 (29h) [public code]
 * @param cfg1 CFG1: CFG_B1 with PROT (2Ah) [public code]
 * @param pwd 32-bit password, write-only (2Bh) [inferred]
 * @param pack 16-bit password acknowledge (2Ch) [inferred]
 * @param keyLock key-lock configuration, byte 0 bit 7 LOCK_SUNCMAC_KEY (2Dh) [public code]
 * @param sunKey first of the four SUNCMAC_KEY pages (34h) [confirmed]
 * @param lastPage last page of the chip (3Bh) [public code]
 */
public record MemoryMap(int userStart, int userEnd, int dynamicLock, int cfg0, int cfg1, int pwd, int pack,
        int keyLock, int sunKey, int lastPage) {
    /** Page 00h: UID0 UID1 UID2 BCC0 (T2T header). */
    public static final int UID_PAGE = 0x00;
    /** Page 02h: BCC1, internal, static lock bytes LOCK0 LOCK1. */
    public static final int STATIC_LOCK_PAGE = 0x02;
    /** Page 03h: capability container (OTP). */
    public static final int CC_PAGE = 0x03;
    public static final int PAGE_SIZE = 4;
    public static final int SUN_KEY_PAGES = 4;

    public MemoryMap {
        if (userStart <= CC_PAGE || userEnd < userStart || lastPage > 0xFF) {
            throw new IllegalArgumentException("user memory must start after the CC page and end after it starts");
        }
        int[] pages = {dynamicLock, cfg0, cfg1, pwd, pack, keyLock, sunKey + SUN_KEY_PAGES - 1};
        for (int p : pages) {
            if (p <= userEnd || p > lastPage) {
                throw new IllegalArgumentException(String.format(
                        "configuration page %02Xh must lie after user memory and at most at the last page", p));
            }
        }
    }

    /** The NTAG 223 DNA map of ntag223.md §2.1. */
    public static MemoryMap ntag223() {
        return new MemoryMap(0x04, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x34, 0x3B);
    }

    /** User memory size in bytes (144 on the 223). */
    public int userBytes() {
        return (userEnd - userStart + 1) * PAGE_SIZE;
    }

    /** Byte offset from page 0 of the first user byte. */
    public int userStartOffset() {
        return userStart * PAGE_SIZE;
    }

    /** Byte offset from page 0 just after the last user byte. */
    public int userEndOffset() {
        return (userEnd + 1) * PAGE_SIZE;
    }

    public int pageCount() {
        return lastPage + 1;
    }

    public boolean isSunKeyPage(int page) {
        return page >= sunKey && page < sunKey + SUN_KEY_PAGES;
    }

    public boolean isUserPage(int page) {
        return page >= userStart && page <= userEnd;
    }
}
