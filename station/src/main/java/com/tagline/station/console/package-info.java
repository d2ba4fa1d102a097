/**
 * The operator console (issue 14): a Vert.x HTTP server in the station process with the live page,
 * {@code /api/status}, server-sent events, Prometheus {@code /metrics}, health and readiness, and the
 * operator's token-guarded controls.
 *
 * <p>It is built against three small interfaces and knows nothing of the station's internals:
 * {@link com.tagline.station.console.StationView} gives immutable snapshots that the owning threads
 * published (the event loop never touches serial, GPIO or SQLite), {@link com.tagline.station.console.StationControls}
 * carries out the operator's commands on a worker thread, and {@link com.tagline.station.console.ConsoleEvents}
 * is told of every chip and sync result, which feed the counters that both the page and {@code /metrics} read.
 * Adapters in {@code run} and {@code simulate} connect a station to it.
 */
package com.tagline.station.console;
