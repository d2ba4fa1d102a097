package com.tagline.simulator.platform;

/**
 * Renders the error answers the HTTP server makes itself (no route {@code 404}, wrong method
 * {@code 405}, body too large {@code 413}, handler failure {@code 500}, injected {@code 503}) in the
 * emulated platform's own error format, e.g. a JSON:API error document for tagbase.
 */
@FunctionalInterface
public interface ErrorRenderer {
    EmulatorResponse error(int status, String title, String detail);
}
