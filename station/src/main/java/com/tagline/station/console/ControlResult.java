package com.tagline.station.console;

import java.util.Objects;

/**
 * What an operator's command did, for the HTTP answer and the log. The message is for a person and
 * never carries a secret.
 */
public record ControlResult(Status status, String message) {
    /** How the command ended; each maps to one HTTP status. */
    public enum Status {
        /** Carried out: 200. */
        DONE(200),
        /** Not possible in the station's current state (e.g. reset while the e-stop is pressed): 409. */
        REFUSED(409),
        /** The request itself is wrong (unknown alarm, no reason): 400. */
        INVALID(400),
        /** This station cannot do it at all (e.g. a simulation has no token file): 501. */
        UNSUPPORTED(501);

        private final int http;

        Status(int http) {
            this.http = http;
        }

        public int http() {
            return http;
        }
    }

    public ControlResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public static ControlResult done(String message) {
        return new ControlResult(Status.DONE, message);
    }

    public static ControlResult refused(String message) {
        return new ControlResult(Status.REFUSED, message);
    }

    public static ControlResult invalid(String message) {
        return new ControlResult(Status.INVALID, message);
    }

    public static ControlResult unsupported(String message) {
        return new ControlResult(Status.UNSUPPORTED, message);
    }
}
