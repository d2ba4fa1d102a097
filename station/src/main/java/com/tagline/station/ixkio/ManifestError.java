package com.tagline.station.ixkio;

import java.util.Objects;

/**
 * One problem of an encoding manifest: the 1-based line (of the record's start), the column it is
 * about, and what is wrong. Whole-record problems use the pseudo-fields {@value #ROW} (wrong number of
 * fields), {@value #CSV} (malformed CSV) and {@value #HEADER} (the header line).
 */
public record ManifestError(int line, String field, String problem) {
    public static final String ROW = "(row)";
    public static final String CSV = "(csv)";
    public static final String HEADER = "(header)";

    public ManifestError {
        Objects.requireNonNull(field);
        Objects.requireNonNull(problem);
    }

    /** {@code line 3, url: ...}, for the operator. */
    @Override
    public String toString() {
        return "line " + line + ", " + field + ": " + problem;
    }
}
