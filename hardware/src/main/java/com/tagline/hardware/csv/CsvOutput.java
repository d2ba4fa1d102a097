package com.tagline.hardware.csv;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV with Jackson's CSV generator (RFC 4180: a field holding a comma, quote or line break is
 * quoted, quotes doubled; lines end with {@code \n}): a header line, then one line per row.
 *
 * <p>Threading: one writer per thread. Failures: {@link UncheckedIOException} when writing fails.
 */
public final class CsvOutput implements AutoCloseable {
    private static final CsvMapper CSV = new CsvMapper();
    private final SequenceWriter out;
    private final int columns;

    /** Starts a CSV text on {@code out} (not closed by {@link #close()}) with the header {@code columns}. */
    public CsvOutput(Writer out, List<String> columns) {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        this.columns = columns.size();
        try {
            this.out = CSV.writerFor(String[].class).with(schema.build().withHeader().withLineSeparator("\n"))
                    .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row, a value per header column. */
    public void row(String... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("a row needs " + columns + " values, got " + values.length);
        }
        try {
            out.write(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes what was written; the underlying writer stays open. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
