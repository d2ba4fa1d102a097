package com.tagline.station.simulate;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which chips a simulated batch holds: all NTAG 424 DNA, all NTAG 223 DNA, or both alternating. */
public enum BatchProtocol {
    NTAG_424_DNA("ntag_424_dna"),
    NTAG_223_DNA("ntag_223_dna"),
    /** Even-numbered chips NTAG 424 DNA, odd-numbered NTAG 223 DNA. */
    MIXED("mixed");

    private final String code;

    BatchProtocol(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether chip number {@code index} of the batch is an NTAG 223 DNA. */
    public boolean ntag223At(int index) {
        return this == NTAG_223_DNA || this == MIXED && index % 2 == 1;
    }

    /** The protocol named by its code; throws naming the known codes. */
    public static BatchProtocol parse(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown --protocol '" + code + "' (known: "
                        + Arrays.stream(values()).map(BatchProtocol::code).collect(Collectors.joining(", ")) + ")"));
    }
}
