package com.tagline.station.run;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts a station opened, closed in the reverse order of opening; a failing close is logged and the
 * others still close. Lets the composition root close what it opened when a later part fails to start.
 *
 * <p>Threading: the assembling thread, then the closing one.
 */
final class Closer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Closer.class);
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** Remembers {@code part} for {@link #close()}; returns it. */
    <T extends AutoCloseable> T add(T part) {
        opened.push(part);
        return part;
    }

    /** Closes every part once, newest first. */
    @Override
    public void close() {
        while (!opened.isEmpty()) {
            AutoCloseable part = opened.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("event=close_failed part=\"{}\" error=\"{}\"", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
