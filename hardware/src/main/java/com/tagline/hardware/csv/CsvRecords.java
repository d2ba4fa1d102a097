package com.tagline.hardware.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records of an RFC 4180 CSV text (Jackson's CSV parser) with the line each one starts on (a quoted
 * field may span lines), read up to the end or to the first malformed spot. Blank lines are skipped;
 * values are kept as written (callers decide about trimming). The one CSV reader of the project: the
 * station's ixkio manifests and the ixkio emulator's seed files.
 *
 * <p>Bad input is a {@link Problem} naming its line, never an exception: text that is not UTF-8, a field
 * longer than {@link #MAX_FIELD_CHARS}, an unclosed quote. A UTF-8 byte-order mark (as spreadsheet
 * programs write) is skipped.
 *
 * @param rows      the records read before the end or the malformed spot
 * @param malformed where and why reading stopped early, if it did
 */
public record CsvRecords(List<Row> rows, Optional<Problem> malformed) {
    /** The longest field accepted; far above any URL a chip holds, far below a runaway cell. */
    public static final int MAX_FIELD_CHARS = 4096;
    /** The largest file accepted by {@link #read(InputStream)}. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** One record: its first line (1-based) and its fields as written. */
    public record Row(int line, List<String> fields) {
        public Row {
            fields = List.copyOf(fields);
        }
    }

    /** Where and why the text could not be read: its 1-based line and what is wrong. */
    public record Problem(int line, String message) {
    }

    public CsvRecords {
        rows = List.copyOf(rows);
    }

    /**
     * Decodes {@code in} as UTF-8, strictly, then reads it.
     *
     * @throws UncheckedIOException when {@code in} cannot be read
     */
    public static CsvRecords read(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            return new CsvRecords(List.of(), Optional.of(new Problem(0, "the file is larger than "
                    + MAX_BYTES / (1024 * 1024) + " MiB")));
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        CharBuffer text;
        try {
            text = utf8.decode(buffer);
        } catch (CharacterCodingException e) {
            return notUtf8(bytes, utf8, bytes.length);
        }
        return read(new StringReader(text.toString()));
    }

    /** Locates the first byte that is not UTF-8 by decoding again up to it. */
    private static CsvRecords notUtf8(byte[] bytes, CharsetDecoder utf8, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        utf8.reset().decode(in, out, true);
        int at = in.position();
        int line = 1;
        for (int i = 0; i < at; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return new CsvRecords(List.of(), Optional.of(new Problem(line, String.format(
                "not UTF-8 text: byte %02X at offset %d cannot start or continue a UTF-8 character", bytes[at], at))));
    }

    /** @throws UncheckedIOException when {@code in} cannot be read */
    public static CsvRecords read(Reader in) {
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
                    String field = rows.isEmpty() && fields.isEmpty() ? withoutByteOrderMark(p.getText()) : p.getText();
                    if (field.length() > MAX_FIELD_CHARS) {
                        return new CsvRecords(rows, Optional.of(new Problem(line, "field " + (fields.size() + 1)
                                + " has " + field.length() + " characters; at most " + MAX_FIELD_CHARS + " are accepted")));
                    }
                    fields.add(field);
                }
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                    rows.add(new Row(line, fields));
                }
            }
            return new CsvRecords(rows, Optional.empty());
        } catch (JsonProcessingException e) {
            // The broken record's first line when its first field was read, else where the parser stopped.
            int at = line > 0 ? line : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new CsvRecords(rows, Optional.of(new Problem(at, "malformed CSV: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutByteOrderMark(String field) {
        return !field.isEmpty() && field.charAt(0) == BYTE_ORDER_MARK ? field.substring(1) : field;
    }
}
