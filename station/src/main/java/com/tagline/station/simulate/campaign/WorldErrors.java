package com.tagline.station.simulate.campaign;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The ERROR lines of this process, the world: the platform and PN532 emulators and the chips. An emulator that
 * fails inside answers the station with what no real device sends (the NTAG 223 DNA campaign found the PN532
 * emulator answering a well-formed InRelease with the syntax error frame when a chip was pulled mid-HLTA), so the
 * campaign is not clean while the world logs an error. Watched from {@link #watch()} until {@link #close()}.
 *
 * <p>Threading: events arrive on any thread (the emulators' own); reads are synchronized with them.
 */
final class WorldErrors extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final int KEEP = 20;
    private final List<String> lines = new ArrayList<>();
    private int count;

    private WorldErrors() {
    }

    /** Starts watching the root logger; a no-op watcher where logback is not the SLF4J binding. */
    static WorldErrors watch() {
        WorldErrors w = new WorldErrors();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            w.setContext(context);
            w.setName("campaign-world-errors");
            w.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(w);
        }
        return w;
    }

    @Override
    protected synchronized void append(ILoggingEvent e) {
        if (!e.getLevel().isGreaterOrEqual(Level.ERROR)) {
            return;
        }
        count++;
        if (lines.size() < KEEP) {
            IThrowableProxy t = e.getThrowableProxy();
            lines.add(e.getLoggerName() + ": " + e.getFormattedMessage()
                    + (t == null ? "" : " (" + t.getClassName() + ": " + t.getMessage() + ")"));
        }
    }

    synchronized int count() {
        return count;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        if (getContext() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        }
        stop();
    }
}
