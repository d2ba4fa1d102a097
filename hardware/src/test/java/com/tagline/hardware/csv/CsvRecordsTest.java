package com.tagline.hardware.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
    private static CsvRecords bytes(byte[] b) {
        return CsvRecords.read(new ByteArrayInputStream(b));
    }

    private static CsvRecords text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recordsKeepTheLineTheyStartOnAcrossQuotedLineBreaksAndSkipBlankLines() {
        CsvRecords r = text("a,b\n\n\"x\ny\",2\n3,4\n");
        assertTrue(r.malformed().isEmpty());
        assertEquals(List.of(new CsvRecords.Row(1, List.of("a", "b")), new CsvRecords.Row(3, List.of("x\ny", "2")),
                new CsvRecords.Row(5, List.of("3", "4"))), r.rows());
    }

    @Test
    void aUtf8ByteOrderMarkAsSpreadsheetsWriteItIsNotPartOfTheFirstColumnName() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "xuid,url\nX1,https://t.example/1\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        assertEquals(List.of("xuid", "url"), bytes(all).rows().get(0).fields());
    }

    @Test
    void aByteThatIsNotUtf8IsReportedWithItsLine() {
        byte[] b = "xuid,url\nX1,https://t.example/1\nX2,https://t.example/\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvRecords r = bytes(b);
        assertTrue(r.rows().isEmpty(), "nothing is read from text that is not UTF-8");
        assertEquals(3, r.malformed().orElseThrow().line());
        assertTrue(r.malformed().get().message().contains("not UTF-8") && r.malformed().get().message().contains("E9"),
                r.malformed().get().message());
    }

    @Test
    void aRunawayFieldStopsTheReadAtItsLine() {
        String huge = "X".repeat(CsvRecords.MAX_FIELD_CHARS + 1);
        CsvRecords r = text("xuid,url\nX1,https://t.example/1\n" + huge + ",https://t.example/2\n");
        assertEquals(2, r.rows().size());
        assertEquals(3, r.malformed().orElseThrow().line());
        assertTrue(r.malformed().get().message().contains("at most " + CsvRecords.MAX_FIELD_CHARS),
                r.malformed().get().message());
    }

    @Test
    void anUnclosedQuoteIsMalformedAtTheLineItsRecordStarts() {
        CsvRecords r = CsvRecords.read(new StringReader("a,b\n1,\"open\n2,3\n"));
        assertEquals(1, r.rows().size());
        assertEquals(2, r.malformed().orElseThrow().line());
        assertTrue(r.malformed().get().message().startsWith("malformed CSV"), r.malformed().get().message());
    }

    @Test
    void writtenCsvQuotesWhatRfc4180SaysAndReadsBackTheSame() {
        StringWriter out = new StringWriter();
        try (CsvOutput csv = new CsvOutput(out, List.of("xuid", "note"))) {
            csv.row("X1", "plain");
            csv.row("X,2", "say \"hi\"\nbye");
        }
        assertEquals("xuid,note\nX1,plain\n\"X,2\",\"say \"\"hi\"\"\nbye\"\n", out.toString());
        CsvRecords back = CsvRecords.read(new StringReader(out.toString()));
        assertEquals(List.of("X,2", "say \"hi\"\nbye"), back.rows().get(2).fields());
    }
}
