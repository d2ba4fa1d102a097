package com.tagline.station.ixkio;

import com.tagline.hardware.csv.CsvOutput;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes the XUID→UID association of configured chips as CSV for the ixkio Console's Associate Data
 * upload (platform-api §2.2): the header {@code xuid,uid}, then one line per chip, UID uppercase hex.
 * Lines end with {@code \n}; a field holding a comma, quote or line break is quoted (RFC 4180 §2).
 */
public final class AssociationExport {
    private static final Pattern HEX = Pattern.compile("([0-9A-F]{2})+");

    /** One configured chip: its tag code and its UID (any case; written uppercase). */
    public record Association(String xuid, String uid) {
        public Association {
            Objects.requireNonNull(xuid);
            if (xuid.isEmpty()) {
                throw new IllegalArgumentException("xuid must not be empty");
            }
            uid = uid.toUpperCase(Locale.ROOT);
            if (!HEX.matcher(uid).matches()) {
                throw new IllegalArgumentException("uid of " + xuid + " must be whole bytes of hex, was '" + uid + "'");
            }
        }
    }

    private AssociationExport() {
    }

    /**
     * Writes the header and {@code associations} in order; does not close {@code out}.
     *
     * @throws UncheckedIOException when writing fails
     */
    public static void write(List<Association> associations, Writer out) {
        try (CsvOutput csv = new CsvOutput(out, List.of("xuid", "uid"))) {
            associations.forEach(a -> csv.row(a.xuid(), a.uid()));
        }
    }
}
