/**
 * The line controller: index mode, item tracking to the reject gate, e-stop, jam, starvation,
 * outfeed pause and the stack light, as a single-threaded state machine in injected time; the
 * {@link com.tagline.station.line.ItemEncoder} seam to the encoder. The controller on the simulated line
 * is {@code station.simulate.SimulatedLineRun}.
 */
package com.tagline.station.line;
