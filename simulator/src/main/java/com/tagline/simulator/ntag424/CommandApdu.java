package com.tagline.simulator.ntag424;

import java.util.Optional;

/**
 * One short C-APDU as the chip receives it (ISO/IEC 7816-4 §5.1, cases 1–4; NTAG 424 DNA supports short
 * APDUs only, DS §8.4 / ntag424.md §1 "Lc ≤ 255"). {@code le} is -1 when absent; 0 means 256.
 */
record CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int le) {
    static final int NO_LE = -1;

    CommandApdu {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int dataLength() {
        return data.length;
    }

    boolean hasLe() {
        return le != NO_LE;
    }

    /** Parses a short APDU; empty when the length bytes are inconsistent or an extended APDU is sent. */
    static Optional<CommandApdu> parse(byte[] apdu) {
        if (apdu == null || apdu.length < 4) {
            return Optional.empty();
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        if (apdu.length == 4) {
            return Optional.of(new CommandApdu(cla, ins, p1, p2, new byte[0], NO_LE));
        }
        if (apdu.length == 5) {
            return Optional.of(new CommandApdu(cla, ins, p1, p2, new byte[0], apdu[4] & 0xFF));
        }
        int lc = apdu[4] & 0xFF;
        if (lc == 0 || apdu.length > 6 + lc || apdu.length < 5 + lc) {
            return Optional.empty();
        }
        byte[] data = java.util.Arrays.copyOfRange(apdu, 5, 5 + lc);
        int le = apdu.length == 6 + lc ? apdu[5 + lc] & 0xFF : NO_LE;
        return Optional.of(new CommandApdu(cla, ins, p1, p2, data, le));
    }
}
