package com.tagline.station.doctor;

import java.util.Objects;

/**
 * One line of the doctor's report: the check's name, its verdict, and what was found and what to do
 * about it (one line, no secret in it).
 */
public record Finding(String check, Verdict verdict, String detail) {
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        detail = detail.replace('\n', ' ');
    }

    public static Finding pass(String check, String detail) {
        return new Finding(check, Verdict.PASS, detail);
    }

    public static Finding warn(String check, String detail) {
        return new Finding(check, Verdict.WARN, detail);
    }

    public static Finding fail(String check, String detail) {
        return new Finding(check, Verdict.FAIL, detail);
    }

    /** {@code PASS  serial    /dev/ttyAMA0 ...}: verdict and name padded so the details line up. */
    public String line() {
        return String.format("%-4s  %-9s %s", verdict, check, detail);
    }
}
