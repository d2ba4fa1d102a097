package com.tagline.station.doctor;

/** The outcome of one doctor check: FAIL makes the doctor exit 1. */
public enum Verdict {
    PASS, WARN, FAIL
}
