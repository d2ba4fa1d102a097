package com.tagline.station.store;

/**
 * The delivery state of one outbox row: {@code pending} (to send), {@code sent} (the request went
 * out, the platform has not confirmed it yet), {@code confirmed} (the platform answered accepted or
 * duplicate), {@code quarantined} (kept for an operator, never sent again automatically).
 */
public enum OutboxState {
    PENDING("pending"),
    SENT("sent"),
    CONFIRMED("confirmed"),
    QUARANTINED("quarantined");

    private final String code;

    OutboxState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static OutboxState ofCode(String code) {
        for (OutboxState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown outbox state " + code);
    }
}
