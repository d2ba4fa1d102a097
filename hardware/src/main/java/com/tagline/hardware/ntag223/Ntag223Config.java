package com.tagline.hardware.ntag223;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The configuration pages as read from the chip (ntag223.md §3): dynamic lock bytes, CFG0, CFG1 and
 * the key-lock page, each 4 raw bytes, decoded with {@link ConfigBits}. Bits the profile does not name
 * stay as opaque bytes, so {@code with...} copies change only the named bits and write back the rest.
 * Immutable; arrays are copied in and out.
 */
public record Ntag223Config(byte[] dynamicLock, byte[] cfg0, byte[] cfg1, byte[] keyLock, ConfigBits bits) {
    private static final int MIRROR_PAGE = 2;
    private static final int AUTH0 = 3;
    private static final int TT = 1;

    public Ntag223Config {
        for (byte[] page : new byte[][] {dynamicLock, cfg0, cfg1, keyLock}) {
            if (page.length != MemoryMap.PAGE_SIZE) {
                throw new IllegalArgumentException("configuration pages are 4 bytes");
            }
        }
        Objects.requireNonNull(bits);
        dynamicLock = dynamicLock.clone();
        cfg0 = cfg0.clone();
        cfg1 = cfg1.clone();
        keyLock = keyLock.clone();
    }

    /**
     * Decodes a FAST_READ from the dynamic lock page through the key-lock page of {@code map} (PWD and
     * PACK in between read as 00 and are ignored).
     */
    public static Ntag223Config parse(byte[] pages, MemoryMap map, ConfigBits bits) {
        int expected = (map.keyLock() - map.dynamicLock() + 1) * MemoryMap.PAGE_SIZE;
        if (pages.length != expected) {
            throw new IllegalArgumentException("configuration read must be " + expected + " bytes, got "
                    + pages.length);
        }
        return new Ntag223Config(page(pages, map, map.dynamicLock()), page(pages, map, map.cfg0()),
                page(pages, map, map.cfg1()), page(pages, map, map.keyLock()), bits);
    }

    private static byte[] page(byte[] pages, MemoryMap map, int page) {
        int at = (page - map.dynamicLock()) * MemoryMap.PAGE_SIZE;
        return Arrays.copyOfRange(pages, at, at + MemoryMap.PAGE_SIZE);
    }

    public boolean mirrorEnabled() {
        return (cfg0[0] & bits.mirrorEnable()) != 0;
    }

    public int mirrorByte() {
        return (cfg0[0] & 0xFF) >>> bits.mirrorByteShift() & 3;
    }

    public int mirrorPage() {
        return cfg0[MIRROR_PAGE] & 0xFF;
    }

    /** First byte of the SUN message counted from page 0: MIRROR_PAGE × 4 + MIRROR_BYTE (§6.1). */
    public int mirrorOffset() {
        return mirrorPage() * MemoryMap.PAGE_SIZE + mirrorByte();
    }

    /** CFG0 byte 1, the "TT" byte (observed 3Ch/3Dh) [public code]. */
    public int ttByte() {
        return cfg0[TT] & 0xFF;
    }

    /** First password-protected page; above the last page means no protection. */
    public int auth0() {
        return cfg0[AUTH0] & 0xFF;
    }

    public boolean prot() {
        return (cfg1[0] & bits.prot()) != 0;
    }

    public boolean configLocked() {
        return (cfg1[0] & bits.configLock()) != 0;
    }

    public boolean counterEnabled() {
        return (cfg1[0] & bits.counterEnable()) != 0;
    }

    public boolean counterPasswordProtected() {
        return (cfg1[0] & bits.counterPasswordProtect()) != 0;
    }

    /** AUTHLIM field value (0 = unlimited). */
    public int authLimit() {
        int mask = bits.authLimit();
        return mask == 0 ? 0 : (cfg1[0] & mask) >>> Integer.numberOfTrailingZeros(mask);
    }

    public boolean sunKeyLocked() {
        return (keyLock[0] & bits.sunKeyLock()) != 0;
    }

    /**
     * Whether the SD tamper field shows data: every bit of both visibility masks set [unknown]. Fits all
     * three real-tag observations (Proxmark3 ntag22x_libsuncmac.py): TT 3Dh + CFG_B1 83h shown, 3Ch + 80h
     * hidden, and 3Dh + 80h (its {@code --format} template) hidden.
     */
    public boolean tamperVisible() {
        int m0 = bits.tamperVisibleCfg0();
        int m1 = bits.tamperVisibleCfg1();
        return (m0 | m1) != 0 && (cfg0[TT] & m0) == m0 && (cfg1[0] & m1) == m1;
    }

    /** True when some page up to {@code lastPage} is behind the password. */
    public boolean passwordProtectionActive(int lastPage) {
        return auth0() <= lastPage;
    }

    // ---- modified copies ---------------------------------------------------------------------------

    /** MIRROR_EN, MIRROR_PAGE and MIRROR_BYTE (ntag223.md §3, §6.4). */
    public Ntag223Config withMirror(boolean enabled, int page, int byteInPage) {
        if (page < 0 || page > 0xFF || byteInPage < 0 || byteInPage > 3) {
            throw new IllegalArgumentException("MIRROR_PAGE is one byte, MIRROR_BYTE 0..3");
        }
        byte[] c0 = cfg0.clone();
        int b0 = c0[0] & ~bits.mirrorEnable() & ~(3 << bits.mirrorByteShift());
        b0 |= (enabled ? bits.mirrorEnable() : 0) | byteInPage << bits.mirrorByteShift();
        c0[0] = (byte) b0;
        c0[MIRROR_PAGE] = (byte) page;
        return new Ntag223Config(dynamicLock, c0, cfg1, keyLock, bits);
    }

    public Ntag223Config withCounter(boolean enabled) {
        return withCfg1Bits(bits.counterEnable(), enabled);
    }

    public Ntag223Config withCounterPasswordProtection(boolean enabled) {
        return withCfg1Bits(bits.counterPasswordProtect(), enabled);
    }

    /** Sets or clears both tamper-visibility bit groups together (§3 real-tag observation). */
    public Ntag223Config withTamperVisible(boolean visible) {
        byte[] c0 = cfg0.clone();
        c0[TT] = (byte) (visible ? c0[TT] | bits.tamperVisibleCfg0() : c0[TT] & ~bits.tamperVisibleCfg0());
        return new Ntag223Config(dynamicLock, c0, cfg1, keyLock, bits).withCfg1Bits(bits.tamperVisibleCfg1(), visible);
    }

    public Ntag223Config withAuth0(int page) {
        if (page < 0 || page > 0xFF) {
            throw new IllegalArgumentException("AUTH0 is one byte");
        }
        byte[] c0 = cfg0.clone();
        c0[AUTH0] = (byte) page;
        return new Ntag223Config(dynamicLock, c0, cfg1, keyLock, bits);
    }

    public Ntag223Config withProt(boolean readProtected) {
        return withCfg1Bits(bits.prot(), readProtected);
    }

    /** AUTHLIM 0..(mask); 0 = unlimited failed PWD_AUTH attempts; only 0 when the profile has no AUTHLIM bits. */
    public Ntag223Config withAuthLimit(int value) {
        int mask = bits.authLimit();
        if (mask == 0 && value == 0) {
            return this;
        }
        int shift = Integer.numberOfTrailingZeros(mask);
        if (mask == 0 || value < 0 || (value << shift & ~mask) != 0) {
            throw new IllegalArgumentException("AUTHLIM " + value + " does not fit its bits");
        }
        byte[] c1 = cfg1.clone();
        c1[0] = (byte) (c1[0] & ~mask | value << shift);
        return new Ntag223Config(dynamicLock, cfg0, c1, keyLock, bits);
    }

    /** CFGLCK: CFG0 and CFG1 become permanently read-only [inferred]. */
    public Ntag223Config withConfigLock() {
        return withCfg1Bits(bits.configLock(), true);
    }

    /** LOCK_SUNCMAC_KEY, keeping the other key-lock bits (ntag223.md §7 step 7). */
    public Ntag223Config withSunKeyLock() {
        byte[] k = keyLock.clone();
        k[0] = (byte) (k[0] | bits.sunKeyLock());
        return new Ntag223Config(dynamicLock, cfg0, cfg1, k, bits);
    }

    private Ntag223Config withCfg1Bits(int mask, boolean set) {
        byte[] c1 = cfg1.clone();
        c1[0] = (byte) (set ? c1[0] | mask : c1[0] & ~mask);
        return new Ntag223Config(dynamicLock, cfg0, c1, keyLock, bits);
    }

    @Override
    public byte[] dynamicLock() {
        return dynamicLock.clone();
    }

    @Override
    public byte[] cfg0() {
        return cfg0.clone();
    }

    @Override
    public byte[] cfg1() {
        return cfg1.clone();
    }

    @Override
    public byte[] keyLock() {
        return keyLock.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ntag223Config c && Arrays.equals(dynamicLock, c.dynamicLock) && Arrays.equals(cfg0, c.cfg0)
                && Arrays.equals(cfg1, c.cfg1) && Arrays.equals(keyLock, c.keyLock) && bits.equals(c.bits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(cfg0), Arrays.hashCode(cfg1), Arrays.hashCode(keyLock));
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of().withUpperCase();
        return "Ntag223Config[dynLock=" + hex.formatHex(dynamicLock) + ", cfg0=" + hex.formatHex(cfg0) + ", cfg1="
                + hex.formatHex(cfg1) + ", keyLock=" + hex.formatHex(keyLock) + "]";
    }
}
