package com.tagline.simulator.ntag223;

import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.SunMessage;
import com.tagline.hardware.ntag223.sun.TamperStatus;
import java.nio.charset.StandardCharsets;

/**
 * The SUN message as one READ/FAST_READ overlays it (ntag223.md §6.1, §11): computed at read time from
 * the key currently in EEPROM, the NFC counter (000000 when disabled) and the tamper field, placed at
 * MIRROR_PAGE × 4 + MIRROR_BYTE. The EEPROM underneath is unchanged. A mirror that would not lie wholly
 * inside user memory is not shown (NTAG21x [inferred]).
 */
final class MirrorOverlay {
    private final int start;
    private final byte[] text;

    private MirrorOverlay(int start, byte[] text) {
        this.start = start;
        this.text = text;
    }

    /** The overlay for the current state, or null when MIRROR_EN is off or the window is invalid. */
    static MirrorOverlay of(Eeprom eeprom, byte[] uid, Ntag223Variant variant, TamperStatus tamper) {
        Ntag223Config c = eeprom.config();
        if (!c.mirrorEnabled()) {
            return null;
        }
        MemoryMap map = eeprom.map();
        int start = c.mirrorOffset();
        if (start < map.userStartOffset() || start + variant.messageLength() > map.userEndOffset()) {
            return null;
        }
        int counter = c.counterEnabled() ? eeprom.counter() : 0;
        SunMessage m = SunMessage.compute(eeprom.sunKey(), uid, counter, variant.statusDetect() ? tamper : null);
        return new MirrorOverlay(start, m.text().getBytes(StandardCharsets.US_ASCII));
    }

    /** Replaces the bytes of {@code page}, copied to {@code out} at {@code at}, that the message covers. */
    void apply(int page, byte[] out, int at) {
        for (int b = 0; b < MemoryMap.PAGE_SIZE; b++) {
            int offset = page * MemoryMap.PAGE_SIZE + b - start;
            if (offset >= 0 && offset < text.length) {
                out[at + b] = text[offset];
            }
        }
    }
}
