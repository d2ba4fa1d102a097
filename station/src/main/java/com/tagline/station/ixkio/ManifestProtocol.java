package com.tagline.station.ixkio;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The chip protocols a manifest row may name, with the codes tagbase uses too (platform-api §1.1). */
public enum ManifestProtocol {
    NTAG_424_DNA("ntag_424_dna"),
    NTAG_223_DNA("ntag_223_dna");

    /** The protocol of a row whose {@code protocol} is absent or empty. */
    public static final ManifestProtocol DEFAULT = NTAG_424_DNA;

    private final String code;

    ManifestProtocol(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ManifestProtocol> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(ManifestProtocol::code).collect(Collectors.joining(", "));
    }
}
