package com.tagline.station.ixkio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records of an RFC 4180 CSV text with the line each one starts on (a quoted field may span
 * lines), read up to the end or to the first malformed spot. Blank lines are skipped.
 *
 * @param rows the records read before the end or the malformed spot
 * @param malformed where and why reading stopped early, if it did
 */
record CsvRecords(List<Row> rows, Optional<ManifestError> malformed) {
    /** One record: its first line (1-based) and its fields as written. */
    record Row(int line, List<String> fields) {
        Row {
            fields = List.copyOf(fields);
        }
    }

    CsvRecords {
        rows = List.copyOf(rows);
    }

    /** @throws UncheckedIOException when {@code in} cannot be read */
    static CsvRecords read(Reader in) {
        List<Row> rows = new ArrayList<>();
        int line = -1;
        try (CsvParser p = new CsvFactory().createParser(in)) {
            p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return new CsvRecords(rows, Optional.empty());
            }
            while (p.nextToken() == JsonToken.START_ARRAY) {
                List<String> fields = new ArrayList<>();
                line = -1;
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = p.currentTokenLocation().getLineNr();
                    }
                    fields.add(p.getText());
                }
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                    rows.add(new Row(line, fields));
                }
            }
            return new CsvRecords(rows, Optional.empty());
        } catch (JsonProcessingException e) {
            // The broken record's first line when its first field was read, else where the parser stopped.
            int at = line > 0 ? line : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new CsvRecords(rows, Optional.of(new ManifestError(at, ManifestError.CSV,
                    "malformed CSV: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
