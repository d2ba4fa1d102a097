package com.tagline.simulator.platform.tagbase;

import java.util.Arrays;
import java.util.Optional;

/** The tag protocols tagbase provisions (Tags API "The protocol attribute"); any other value is a 422. */
public enum TagProtocol {
    NTAG_424_DNA("ntag_424_dna"),
    NTAG_223_DNA("ntag_223_dna");

    private final String wireName;

    TagProtocol(String wireName) {
        this.wireName = wireName;
    }

    /** The identifier used in the API, e.g. {@code ntag_424_dna}. */
    public String wireName() {
        return wireName;
    }

    /** The protocol with this exact identifier. */
    public static Optional<TagProtocol> byWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
