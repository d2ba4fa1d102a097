package com.tagline.station.store;

/** A chip's final outcome as the platform reports it ({@code configured} or {@code failed}). */
public enum Outcome {
    CONFIGURED("configured"),
    FAILED("failed");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Outcome ofCode(String code) {
        for (Outcome o : values()) {
            if (o.code.equals(code)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome " + code);
    }
}
