package com.tagline.station.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLayoutTest {
    private static final Instant AT = Instant.parse("2026-03-01T08:15:30.250Z");
    private final Logger logger = new LoggerContext().getLogger("com.tagline.station.workflow.ChipEncoder");

    private LoggingEvent event(Level level, String pattern, Throwable t, Object... args) {
        LoggingEvent e = new LoggingEvent(Logger.class.getName(), logger, level, pattern, t, args);
        e.setTimeStamp(AT.toEpochMilli());
        e.setThreadName("reader");
        return e;
    }

    @Test
    void logfmtLineHasAnIso8601UtcTimeAndTheMessagePairs() {
        String line = new EventLayout(Map.of()).doLayout(event(Level.INFO,
                "event=chip tag={} uid={} outcome={} detail=\"{}\"", null, "tag_1", "04A1", "configured", "ok then"));
        assertEquals("time=2026-03-01T08:15:30.250Z level=INFO thread=reader logger=ChipEncoder event=chip tag=tag_1"
                + " uid=04A1 outcome=configured detail=\"ok then\"" + System.lineSeparator(), line);
    }

    @Test
    void wordsAfterAnUnquotedValueBelongToItAndComeOutQuoted() {
        String line = new EventLayout(Map.of()).doLayout(event(Level.WARN,
                "event=recover attempt=1 action=interrupted (chip not at the antenna)", null));
        assertTrue(line.endsWith(" event=recover attempt=1 action=\"interrupted (chip not at the antenna)\""
                + System.lineSeparator()), line);
    }

    @Test
    void aMessageThatIsNotKeyValueBecomesOneQuotedField() {
        String line = new EventLayout(Map.of()).doLayout(event(Level.WARN, "Thread blocked for \"2\" s", null));
        assertTrue(line.endsWith(" msg=\"Thread blocked for \\\"2\\\" s\"" + System.lineSeparator()), line);
    }

    @Test
    void anUnknownFormatIsNamedWithTheAcceptedOnesAndLogfmtIsUsed() {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        EventLayout layout = new EventLayout(Map.of("TAGLINE_LOG_FORMAT", "xml"), warnings::add);
        assertEquals(java.util.List.of("tagline: TAGLINE_LOG_FORMAT=xml is not a log format (logfmt, json); logging in"
                + " logfmt"), warnings);
        assertTrue(layout.doLayout(event(Level.INFO, "event=x", null)).startsWith("time="));
        new EventLayout(Map.of("TAGLINE_LOG_FORMAT", "JSON"), warnings::add);
        new EventLayout(Map.of("TAGLINE_LOG_FORMAT", "logfmt"), warnings::add);
        new EventLayout(Map.of(), warnings::add);
        assertEquals(1, warnings.size(), "the accepted values are not warned about: " + warnings);
    }

    @Test
    void jsonCarriesThePairsAsFieldsOneObjectPerLine() throws Exception {
        String line = new EventLayout(Map.of("TAGLINE_LOG_FORMAT", "json")).doLayout(event(Level.ERROR,
                "event=report_quarantined tag={} why=\"{}\"", new IllegalStateException("boom"), "t9",
                "rejected: \"bad\" uid"));
        assertEquals(1, line.strip().lines().count(), line);
        JsonNode o = new ObjectMapper().readTree(line);
        assertEquals("2026-03-01T08:15:30.250Z", o.get("time").asText());
        assertEquals("ERROR", o.get("level").asText());
        assertEquals("report_quarantined", o.get("event").asText());
        assertEquals("t9", o.get("tag").asText());
        assertEquals("rejected: \"bad\" uid", o.get("why").asText());
        assertTrue(o.get("stack").asText().startsWith("java.lang.IllegalStateException: boom\n\tat "));
    }

    @Test
    void underSystemdTheJournalStampsTheTimeAndReadsThePriority() {
        EventLayout layout = new EventLayout(Map.of("JOURNAL_STREAM", "8:12345"));
        String warn = layout.doLayout(event(Level.WARN, "event=alarm alarm=OFFLINE", null));
        assertEquals("<4>level=WARN thread=reader logger=ChipEncoder event=alarm alarm=OFFLINE" + System.lineSeparator(),
                warn);
        assertFalse(layout.doLayout(event(Level.INFO, "event=chip", null)).contains("time="));
        assertTrue(layout.doLayout(event(Level.ERROR, "event=x", null)).startsWith("<3>"));
    }

    @Test
    void aStackTraceStaysOnTheEventsLine() {
        String line = new EventLayout(Map.of()).doLayout(event(Level.ERROR, "event=encode_failed item=3",
                new IllegalStateException("outer", new java.io.IOException("inner"))));
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains(" stack=\"java.lang.IllegalStateException: outer\\n\\tat "), line);
        assertTrue(line.contains("\\ncaused by java.io.IOException: inner"), line);
    }
}
