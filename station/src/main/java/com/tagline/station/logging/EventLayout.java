package com.tagline.station.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One log event per line (architecture §8; issue 14), in logfmt ({@code time=... level=INFO
 * thread=reader logger=ChipEncoder event=chip tag=...}) or JSON (one object per line, the message's
 * {@code key=value} pairs as fields), chosen by {@code TAGLINE_LOG_FORMAT} ({@code logfmt}, the
 * default, or {@code json}). Time is ISO 8601 in UTC with milliseconds.
 *
 * <p>Under systemd ({@code JOURNAL_STREAM} set) the journal stamps every line itself, so no time of
 * our own is written; instead each line starts with its syslog priority ({@code <3>} error ..
 * {@code <7>} debug, sd-daemon(3)), which journald reads as the entry's priority. A stack trace stays on
 * the event's line, its frames separated by {@code \n} escapes.
 */
public final class EventLayout extends LayoutBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FRAMES = 30;

    /** logback may build a layout per appender: the process warns about a bad format once. */
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final boolean json;
    private final boolean journal;

    /**
     * As the environment says ({@code TAGLINE_LOG_FORMAT}, {@code JOURNAL_STREAM}); an unknown format is
     * warned about once on stderr (the log itself cannot say it in the format asked for) and logfmt is used.
     */
    public EventLayout() {
        this(System.getenv(), warning -> {
            if (!WARNED.getAndSet(true)) {
                System.err.println(warning);
            }
        });
    }

    EventLayout(Map<String, String> env) {
        this(env, warning -> { });
    }

    EventLayout(Map<String, String> env, Consumer<String> warnings) {
        String format = env.getOrDefault("TAGLINE_LOG_FORMAT", "logfmt").strip();
        this.json = "json".equalsIgnoreCase(format);
        if (!json && !"logfmt".equalsIgnoreCase(format) && !format.isEmpty()) {
            warnings.accept("tagline: TAGLINE_LOG_FORMAT=" + format + " is not a log format (logfmt, json);"
                    + " logging in logfmt");
        }
        this.journal = env.containsKey("JOURNAL_STREAM");
    }

    @Override
    public String doLayout(ILoggingEvent e) {
        String prefix = journal ? "<" + priority(e.getLevel()) + ">" : "";
        return prefix + (json ? json(e) : logfmt(e)) + System.lineSeparator();
    }

    private String logfmt(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder(160);
        if (!journal) {
            sb.append("time=").append(TIME.format(Instant.ofEpochMilli(e.getTimeStamp()))).append(' ');
        }
        sb.append("level=").append(e.getLevel()).append(" thread=").append(LogfmtPairs.quote(e.getThreadName()))
                .append(" logger=").append(shortName(e.getLoggerName())).append(' ');
        String message = e.getFormattedMessage();
        Optional<Map<String, String>> pairs = LogfmtPairs.parse(message);
        if (pairs.isPresent()) {
            pairs.get().forEach((k, v) -> sb.append(k).append('=').append(LogfmtPairs.quote(v)).append(' '));
            sb.setLength(sb.length() - 1);
        } else {
            sb.append("msg=").append(LogfmtPairs.quote(message));
        }
        Optional<String> error = throwable(e.getThrowableProxy());
        error.ifPresent(t -> sb.append(" stack=").append(LogfmtPairs.quote(t)));
        return sb.toString();
    }

    private String json(ILoggingEvent e) {
        ObjectNode o = JSON.createObjectNode();
        if (!journal) {
            o.put("time", TIME.format(Instant.ofEpochMilli(e.getTimeStamp())));
        }
        o.put("level", e.getLevel().toString());
        o.put("thread", e.getThreadName());
        o.put("logger", shortName(e.getLoggerName()));
        String message = e.getFormattedMessage();
        Optional<Map<String, String>> pairs = LogfmtPairs.parse(message);
        if (pairs.isPresent()) {
            pairs.get().forEach((k, v) -> {
                if (!o.has(k)) {
                    o.put(k, v);
                }
            });
        } else {
            o.put("msg", message);
        }
        throwable(e.getThrowableProxy()).ifPresent(t -> o.put("stack", t));
        return o.toString();
    }

    private static Optional<String> throwable(IThrowableProxy t) {
        if (t == null) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (IThrowableProxy cause = t; cause != null; cause = cause.getCause()) {
            if (cause != t) {
                sb.append("\ncaused by ");
            }
            sb.append(cause.getClassName()).append(": ").append(cause.getMessage());
            StackTraceElementProxy[] frames = cause.getStackTraceElementProxyArray();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                sb.append("\n\tat ").append(frames[i].getStackTraceElement());
            }
        }
        return Optional.of(sb.toString());
    }

    private static String shortName(String logger) {
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }

    /** syslog priorities (RFC 5424 §6.2.1) as sd-daemon(3) prefixes: err 3, warning 4, info 6, debug 7. */
    private static int priority(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> 3;
            case Level.WARN_INT -> 4;
            case Level.INFO_INT -> 6;
            default -> 7;
        };
    }
}
