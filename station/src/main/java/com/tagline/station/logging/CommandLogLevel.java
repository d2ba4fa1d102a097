package com.tagline.station.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command's own default log level, for when the environment does not set one: {@code logback.xml}
 * starts every command at {@code TAGLINE_LOG_LEVEL} (default WARN), and some commands want another
 * default ({@code run} INFO, one line per chip; {@code doctor} OFF, its report is the output).
 */
public final class CommandLogLevel {
    public static final String VARIABLE = "TAGLINE_LOG_LEVEL";

    private CommandLogLevel() {
    }

    /** Sets the root logger to {@code level} unless {@value #VARIABLE} is set, which then decides. */
    public static void unlessConfigured(Level level) {
        if (System.getenv(VARIABLE) == null
                && LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(level);
        }
    }
}
