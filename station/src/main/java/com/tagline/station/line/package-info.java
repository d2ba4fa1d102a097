/**
 * The line controller: index mode, item tracking to the reject gate, e-stop, jam, starvation,
 * outfeed pause and the stack light, as a single-threaded state machine in injected time; the
 * {@link com.tagline.station.line.ItemEncoder} seam to the encoder; and
 * {@link com.tagline.station.line.SimulatedLineRun}, the controller on the simulated line.
 */
package com.tagline.station.line;
