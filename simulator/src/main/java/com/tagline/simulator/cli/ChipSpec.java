package com.tagline.simulator.cli;

import java.util.HexFormat;
import java.util.Locale;

/**
 * One {@code --chip KIND:UIDHEX} argument: the chip kind and its UID. Both supported kinds have 7-byte UIDs
 * (ISO/IEC 14443-3 double size; NTAG 424 DNA and NTAG 223 DNA datasheets).
 *
 * @param kind the chip kind
 * @param uid  the UID bytes (copied in and out)
 */
record ChipSpec(Kind kind, byte[] uid) {
    /** The chip kinds the simulator can put in the field, by their command-line name. */
    enum Kind {
        NTAG_424_DNA("ntag_424_dna", 7),
        NTAG_223_DNA("ntag_223_dna", 7);

        private final String cliName;
        private final int uidLength;

        Kind(String cliName, int uidLength) {
            this.cliName = cliName;
            this.uidLength = uidLength;
        }

        String cliName() {
            return cliName;
        }

        static Kind byName(String name) {
            for (Kind k : values()) {
                if (k.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown chip kind '" + name + "' (expected ntag_424_dna or ntag_223_dna)");
        }
    }

    ChipSpec {
        uid = uid.clone();
        if (uid.length != kind.uidLength) {
            throw new IllegalArgumentException(kind.cliName + " UID must be " + kind.uidLength + " bytes ("
                    + 2 * kind.uidLength + " hex digits), got " + uid.length);
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
        Kind kind = Kind.byName(text.substring(0, colon));
        String hex = text.substring(colon + 1);
        if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("UID '" + hex + "' is not an even number of hex digits");
        }
        return new ChipSpec(kind, HexFormat.of().parseHex(hex));
    }

    @Override
    public String toString() {
        return kind.cliName + ":" + HexFormat.of().withUpperCase().formatHex(uid);
    }
}
