package com.tagline.station.store;

/** The state of one chip attempt as stored in {@code chip_attempts.state}. */
public enum AttemptState {
    IN_FLIGHT("in_flight"),
    CONFIGURED("configured"),
    FAILED("failed"),
    INTERRUPTED("interrupted");

    private final String code;

    AttemptState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static AttemptState ofCode(String code) {
        for (AttemptState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown attempt state " + code);
    }
}
