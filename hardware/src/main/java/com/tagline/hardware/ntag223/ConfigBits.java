package com.tagline.hardware.ntag223;

/**
 * Where the configuration flags live inside CFG0, CFG1 and the key-lock page (ntag223.md §3). Only
 * MIRROR_EN, MIRROR_BYTE, MIRROR_PAGE, AUTH0, PROT and LOCK_SUNCMAC_KEY are [public code]; the rest is
 * [inferred] from the NTAG21x ACCESS byte or [unknown], hence masks with defaults rather than constants.
 * The byte positions follow §3: CFG0 byte 0 = CFG_B0, byte 1 = TT byte, byte 2 = MIRROR_PAGE, byte 3 =
 * AUTH0; CFG1 byte 0 = CFG_B1; key-lock page byte 0.
 *
 * @param mirrorEnable CFG_B0 MIRROR_EN (80h) [public code]
 * @param mirrorByteShift CFG_B0 MIRROR_BYTE = (b0 &gt;&gt; 3) &amp; 3 [public code]
 * @param prot CFG_B1 PROT (80h): 1 = read and write protected from AUTH0 on [public code]
 * @param configLock CFG_B1 CFGLCK (40h) [inferred]
 * @param counterEnable CFG_B1 NFC_CNT_EN (10h) [inferred]
 * @param counterPasswordProtect CFG_B1 NFC_CNT_PWD_PROT (08h) [inferred]
 * @param authLimit CFG_B1 AUTHLIM bits; field value 0 = unlimited, else 2^AUTHLIM failed attempts. Default
 *     00h (not supported): NTAG21x keeps AUTHLIM in bits 2..0, which overlap the bits 1..0 a real SD tag
 *     set to show tamper data, so its position is [unknown]; {@link #authLimitLikeNtag21x()} is the other
 *     reading
 * @param sunKeyLock key-lock byte 0 LOCK_SUNCMAC_KEY (80h) [public code]
 * @param tamperVisibleCfg0 TT byte bits that show tamper data in the mirror (01h) [unknown]
 * @param tamperVisibleCfg1 CFG_B1 bits that show tamper data in the mirror (03h) [unknown]; tamper data is
 *     shown when all bits of both masks are set (the real SD tag showed it with 3Dh + 83h, hid it with
 *     3Ch + 80h and with 3Dh + 80h), so the host sets and clears both together
 * @param auth0Disabled an AUTH0 value that protects nothing (3Ch, above the last page) [public code]
 */
public record ConfigBits(int mirrorEnable, int mirrorByteShift, int prot, int configLock, int counterEnable,
        int counterPasswordProtect, int authLimit, int sunKeyLock, int tamperVisibleCfg0, int tamperVisibleCfg1,
        int auth0Disabled) {
    public ConfigBits {
        int[] masks = {mirrorEnable, prot, configLock, counterEnable, counterPasswordProtect, authLimit, sunKeyLock,
            tamperVisibleCfg0, tamperVisibleCfg1, auth0Disabled};
        for (int m : masks) {
            if (m < 0 || m > 0xFF) {
                throw new IllegalArgumentException("configuration masks are single bytes");
            }
        }
        int[] cfg1 = {prot, configLock, counterEnable, counterPasswordProtect, authLimit, tamperVisibleCfg1};
        int seen = 0;
        for (int m : cfg1) {
            if ((seen & m) != 0) {
                throw new IllegalArgumentException("CFG_B1 masks must not overlap");
            }
            seen |= m;
        }
        if (mirrorByteShift < 0 || mirrorByteShift > 6) {
            throw new IllegalArgumentException("MIRROR_BYTE shift must leave two bits inside CFG_B0");
        }
        if ((mirrorEnable & (3 << mirrorByteShift)) != 0) {
            throw new IllegalArgumentException("MIRROR_EN must not overlap MIRROR_BYTE");
        }
    }

    /**
     * The layout of ntag223.md §3 with its [inferred] NTAG21x bits; tamper visibility in both places the
     * real-tag observation changed, AUTHLIM not supported.
     */
    public static ConfigBits defaults() {
        return new ConfigBits(0x80, 3, 0x80, 0x40, 0x10, 0x08, 0x00, 0x80, 0x01, 0x03, 0x3C);
    }

    /** The NTAG21x reading of CFG_B1: AUTHLIM in bits 2..0, tamper visibility only in the TT byte. */
    public static ConfigBits authLimitLikeNtag21x() {
        return new ConfigBits(0x80, 3, 0x80, 0x40, 0x10, 0x08, 0x07, 0x80, 0x01, 0x00, 0x3C);
    }
}
