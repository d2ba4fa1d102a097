package com.tagline.station.simulate;

import com.tagline.hardware.tag.ChipProtocol;
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

    /** The platform protocol of chip number {@code index}. */
    public ChipProtocol protocolAt(int index) {
        return ntag223At(index) ? ChipProtocol.NTAG_223_DNA : ChipProtocol.NTAG_424_DNA;
    }

    /** How many of the first {@code count} chips are of {@code protocol}. */
    public int countOf(ChipProtocol protocol, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += protocolAt(i) == protocol ? 1 : 0;
        }
        return n;
    }

    /** The protocols a batch of {@code count} chips holds. */
    public java.util.List<ChipProtocol> protocols(int count) {
        return java.util.stream.Stream.of(ChipProtocol.values()).filter(p -> countOf(p, count) > 0).toList();
    }

    /** The protocol named by its code; throws naming the known codes. */
    public static BatchProtocol parse(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown --protocol '" + code + "' (known: "
                        + Arrays.stream(values()).map(BatchProtocol::code).collect(Collectors.joining(", ")) + ")"));
    }
}
