/**
 * A conveyor line in virtual time behind the real pi4j line I/O on mock pins: items with good or
 * defective chips, photo-eyes, a reject gate that records what it did to each item, and knobs for
 * jams, sensor bounce, a broken e-stop wire, a full outfeed and a starved infeed.
 */
package com.tagline.simulator.line;
