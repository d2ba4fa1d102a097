package com.tagline.hardware.tag;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The chip protocols the station encodes, by the code tagbase uses for them (platform-api §1.1: a tag's
 * {@code protocol} attribute; the same codes name them in ixkio manifests, the YAML configuration, the
 * store and the command line). The one place a protocol code is parsed: an unknown code fails here,
 * where it is read, naming the known ones.
 */
public enum ChipProtocol {
    /** NXP NTAG 424 DNA (NT4H2421Gx): ISO-DEP, AES secure messaging, SDM/SUN. */
    NTAG_424_DNA("ntag_424_dna"),
    /** NXP NTAG 223 DNA: NFC Forum Type 2, SUN CMAC mirror. */
    NTAG_223_DNA("ntag_223_dna");

    private final String code;

    ChipProtocol(String code) {
        this.code = code;
    }

    /** The wire and configuration code, e.g. {@code ntag_424_dna}. */
    public String code() {
        return code;
    }

    /** The protocol with exactly this code (case-sensitive, as the platform compares it). */
    public static Optional<ChipProtocol> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    /**
     * The protocol with this code.
     *
     * @throws IllegalArgumentException naming the code and the known ones
     */
    public static ChipProtocol parse(String code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown protocol '" + code + "' (known: " + codes() + ")"));
    }

    /** The known codes, comma-separated, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(ChipProtocol::code).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return code;
    }
}
