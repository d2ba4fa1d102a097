package com.tagline.station.ixkio;

import com.tagline.station.platform.ixkio.ManifestRow;
import java.util.List;

/** The outcome of validating a whole encoding manifest: every row, or every error and no row. */
public sealed interface ManifestCheck {
    /** The file is clean; rows in file order. */
    record Valid(List<ManifestRow> rows) implements ManifestCheck {
        public Valid {
            rows = List.copyOf(rows);
        }
    }

    /** At least one error; errors in line order. Nothing may be imported. */
    record Invalid(List<ManifestError> errors) implements ManifestCheck {
        public Invalid {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid manifest has at least one error");
            }
            errors = List.copyOf(errors);
        }
    }
}
