package com.tagline.hardware.pn532;

import com.tagline.hardware.tag.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A target listed by InListPassiveTarget at 106 kbps Type A: the PN532's logical number {@code tg}
 * (used by InDataExchange, InDeselect, InRelease) and what anticollision reported.
 */
public record PassiveTarget(int tg, Target target) {
    public PassiveTarget {
        Objects.requireNonNull(target, "target");
    }

    /**
     * Parses an InListPassiveTarget response payload {@code NbTg [TargetData]…} for BrTy 00
     * (UM0701-02 §7.3 InListPassiveTarget; pn532.md §3.1): per target {@code Tg SENS_RES(2)
     * SEL_RES NFCIDLength NFCID1 [ATS]}. SENS_RES is kept in wire order (ATQA 00 44 ⇒ 0x0044). The
     * ATS, when present, starts with TL, which counts itself; for the last target it is whatever
     * follows the UID, for an earlier one it is present only when SEL_RES announces ISO 14443-4.
     */
    static List<PassiveTarget> parseTypeA(byte[] payload) {
        if (payload.length < 1) {
            throw new Pn532FrameException("InListPassiveTarget answered no NbTg");
        }
        int count = payload[0] & 0xFF;
        List<PassiveTarget> targets = new ArrayList<>(count);
        int p = 1;
        for (int i = 0; i < count; i++) {
            if (p + 5 > payload.length) {
                throw malformed(payload);
            }
            int tg = payload[p] & 0xFF;
            int atqa = (payload[p + 1] & 0xFF) << 8 | payload[p + 2] & 0xFF;
            int sak = payload[p + 3] & 0xFF;
            int uidLength = payload[p + 4] & 0xFF;
            p += 5;
            if (p + uidLength > payload.length) {
                throw malformed(payload);
            }
            byte[] uid = Arrays.copyOfRange(payload, p, p + uidLength);
            p += uidLength;
            int atsLength = atsLength(payload, p, i == count - 1, sak);
            byte[] ats = Arrays.copyOfRange(payload, p, p + atsLength);
            p += atsLength;
            targets.add(new PassiveTarget(tg, new Target(uid, atqa, sak, ats)));
        }
        if (p != payload.length) {
            throw malformed(payload);
        }
        return List.copyOf(targets);
    }

    private static int atsLength(byte[] payload, int p, boolean last, int sak) {
        int remaining = payload.length - p;
        if (remaining == 0) {
            return 0;
        }
        if (last) {
            return remaining;
        }
        if ((sak & 0x20) == 0) {
            return 0;
        }
        int tl = payload[p] & 0xFF;
        if (tl < 1 || tl > remaining) {
            throw malformed(payload);
        }
        return tl;
    }

    private static Pn532FrameException malformed(byte[] payload) {
        return new Pn532FrameException("malformed InListPassiveTarget response "
                + java.util.HexFormat.of().withUpperCase().formatHex(payload));
    }
}
