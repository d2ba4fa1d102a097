package com.tagline.station.workflow;

import com.tagline.hardware.tag.ChipProtocol;

/**
 * Where a station's jobs come from, for what it says while a chip waits for one ({@code NO_JOB}): tagbase
 * leases tags and the platform thread leases more by itself; ixkio has no leases, its jobs are the rows of
 * an imported encoding manifest, and only an operator brings more (platform-api §2.2).
 */
public enum WorkSupply {
    /** tagbase: leased tags. */
    LEASES("lease", "no leased %s tag is available", "the line waits for a lease"),
    /** ixkio: rows of imported manifests. */
    MANIFEST("manifest_row", "no manifest row left for %s",
            "import the next manifest (station import-manifest FILE --data-dir DIR, or a new platform.manifest)");

    private final String waitingFor;
    private final String none;
    private final String remedy;

    WorkSupply(String waitingFor, String none, String remedy) {
        this.waitingFor = waitingFor;
        this.none = none;
        this.remedy = remedy;
    }

    /** What a waiting chip waits for, as the {@code what} of {@code event=waiting}. */
    public String waitingFor() {
        return waitingFor;
    }

    /** The chip's outcome detail: {@code no leased ntag_424_dna tag is available}. */
    public String none(ChipProtocol protocol) {
        return none.formatted(protocol);
    }

    /** The {@code NO_JOB} alarm's message: what is missing and what brings more. */
    public String alarm(ChipProtocol protocol) {
        return none(protocol) + "; " + remedy;
    }
}
