package com.tagline.simulator.platform.ixkio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of an RFC 4180 CSV file with the line each one starts on (a quoted field may span
 * lines). Blank lines are skipped. Values are kept as written; callers decide about trimming.
 *
 * <p>Failures: a malformed file (e.g. an unclosed quote) is a {@link SeedFileException} naming the line
 * the broken record starts on.
 */
final class CsvRows {
    /** One record: its first line (1-based) and its fields. */
    record Row(int line, List<String> fields) {
        Row {
            fields = List.copyOf(fields);
        }
    }

    private CsvRows() {
    }

    static List<Row> read(Reader in) {
        List<Row> rows = new ArrayList<>();
        int line = -1;
        try (CsvParser p = new CsvFactory().createParser(in)) {
            p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return rows;
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
            return rows;
        } catch (JsonProcessingException e) {
            // The record's first line when its first field was read, else where the parser stopped.
            int at = line > 0 ? line : e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new SeedFileException(at, "malformed CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
