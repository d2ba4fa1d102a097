package com.tagline.simulator.cli;

import com.tagline.hardware.tag.ChipProtocol;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One {@code --chip KIND:UIDHEX} argument: the chip kind and its UID. Both supported kinds have 7-byte UIDs
 * (ISO/IEC 14443-3 double size; NTAG 424 DNA and NTAG 223 DNA datasheets).
 *
 * @param kind the chip kind
 * @param uid  the UID bytes (copied in and out)
 */
record ChipSpec(ChipProtocol kind, byte[] uid) {
    /** Both supported chips have 7-byte UIDs (ISO/IEC 14443-3 double size). */
    private static final int UID_LENGTH = 7;

    ChipSpec {
        uid = uid.clone();
        if (uid.length != UID_LENGTH) {
            throw new IllegalArgumentException(kind.code() + " UID must be " + UID_LENGTH + " bytes ("
                    + 2 * UID_LENGTH + " hex digits), got " + uid.length);
        }
    }

    @Override
    public byte[] uid() {
        return uid.clone();
    }

    /** Parses {@code KIND:UIDHEX}, e.g. {@code ntag_424_dna:04A1B2C3D4E5F6}. */
    static ChipSpec parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected KIND:UIDHEX, e.g. ntag_424_dna:04A1B2C3D4E5F6, got '" + text + "'");
        }
        String name = text.substring(0, colon);
        ChipProtocol kind = ChipProtocol.byCode(name.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new IllegalArgumentException("unknown chip kind '" + name + "' (expected " + ChipProtocol.codes() + ")"));
        String hex = text.substring(colon + 1);
        if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("UID '" + hex + "' is not an even number of hex digits");
        }
        return new ChipSpec(kind, HexFormat.of().parseHex(hex));
    }

    @Override
    public String toString() {
        return kind.code() + ":" + HexFormat.of().withUpperCase().formatHex(uid);
    }
}
