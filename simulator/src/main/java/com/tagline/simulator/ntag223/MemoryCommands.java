package com.tagline.simulator.ntag223;

import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.TamperStatus;
import com.tagline.simulator.field.FieldChip;

/**
 * READ, FAST_READ, WRITE and COMPATIBILITY_WRITE of a simulated NTAG 223 DNA (ntag223.md §4, §11):
 * range checks, roll-over, the NFC counter's first-read increment and the SUN mirror overlay on reads.
 * Throws {@link ChipNak} for anything the chip refuses.
 */
final class MemoryCommands {
    private static final int COMPATIBILITY_WRITE_DATA = 16;

    private final Eeprom eeprom;
    private final PageRules rules;
    private final Session session;
    private final byte[] uid;
    private final Ntag223Variant variant;
    private final byte[] tamperData;

    MemoryCommands(Eeprom eeprom, PageRules rules, Session session, byte[] uid, Ntag223Variant variant,
            byte[] tamperData) {
        this.eeprom = eeprom;
        this.rules = rules;
        this.session = session;
        this.uid = uid.clone();
        this.variant = variant;
        this.tamperData = tamperData.clone();
    }

    /** READ {@code 30 AA}: 4 pages, rolling over to page 00h at the end of the readable area. */
    byte[] read(byte[] f) {
        int start = f[1] & 0xFF;
        int limit = rules.readLimit(session.authenticated);
        if (start >= limit) {
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
        int[] pages = new int[4];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = (start + i) % limit;
        }
        return readPages(pages);
    }

    /** FAST_READ {@code 3A SS EE}: NAK 0 unless SS ≤ EE ≤ last page and the range is readable. */
    byte[] fastRead(byte[] f) {
        int start = f[1] & 0xFF;
        int end = f[2] & 0xFF;
        if (start > end || end > eeprom.map().lastPage() || end >= rules.readLimit(session.authenticated)) {
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
        int[] pages = new int[end - start + 1];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = start + i;
        }
        return readPages(pages);
    }

    private byte[] readPages(int[] pages) {
        Ntag223Config c = eeprom.config();
        if (!session.counted && c.counterEnabled()) {
            eeprom.incrementCounter(); // first READ/FAST_READ after power-up (NTAG21x [inferred])
        }
        session.counted = true;
        MirrorOverlay mirror = MirrorOverlay.of(eeprom, uid, variant, tamperStatus(c));
        byte[] out = new byte[pages.length * MemoryMap.PAGE_SIZE];
        for (int i = 0; i < pages.length; i++) {
            System.arraycopy(rules.visible(pages[i]), 0, out, i * MemoryMap.PAGE_SIZE, MemoryMap.PAGE_SIZE);
            if (mirror != null) {
                mirror.apply(pages[i], out, i * MemoryMap.PAGE_SIZE);
            }
        }
        return out;
    }

    /** The tamper field: stored and measured letters when visible, 0000000000 when hidden, none on a plain 223. */
    private TamperStatus tamperStatus(Ntag223Config c) {
        if (!variant.statusDetect()) {
            return null;
        }
        return c.tamperVisible() ? TamperStatus.of(eeprom.storedTamper(), session.measuredTamper, tamperData)
                : TamperStatus.hidden();
    }

    /** WRITE {@code A2 AA D0..D3} → ACK. */
    byte[] write(byte[] f) {
        rules.write(f[1] & 0xFF, new byte[] {f[2], f[3], f[4], f[5]}, session.authenticated);
        return new byte[] {FieldChip.ACK};
    }

    /** COMPATIBILITY_WRITE part 1 {@code A0 AA}: address check, then ACK and wait for the data frame. */
    byte[] compatibilityWriteAddress(byte[] f) {
        int page = f[1] & 0xFF;
        if (page < MemoryMap.STATIC_LOCK_PAGE || page > eeprom.map().lastPage()) {
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
        session.compatibilityWritePage = page;
        return new byte[] {FieldChip.ACK};
    }

    /** COMPATIBILITY_WRITE part 2: 16 bytes, the first 4 written under the WRITE rules. */
    byte[] compatibilityWriteData(byte[] f) {
        int page = session.compatibilityWritePage;
        session.compatibilityWritePage = -1;
        if (f.length != COMPATIBILITY_WRITE_DATA) {
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
        rules.write(page, new byte[] {f[0], f[1], f[2], f[3]}, session.authenticated);
        return new byte[] {FieldChip.ACK};
    }
}
