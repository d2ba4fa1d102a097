/**
 * A software NTAG 424 DNA for tests, benchmarks and the simulated line (architecture §1, §7).
 *
 * <p>{@link com.tagline.simulator.ntag424.SimulatedNtag424} is the card-side state machine (APDU in,
 * R-APDU out), built with {@link com.tagline.simulator.ntag424.SimulatedNtag424Builder};
 * {@link com.tagline.simulator.ntag424.SimulatedNtag424Link} puts it behind the hardware module's
 * {@code TagLink} with fault injection (tears, leaving the field, slow answers). The crypto and the
 * settings codecs are the hardware module's, shared with the host side; byte layouts cite the NT4H2421Gx
 * datasheet (DS) and {@code shared/reference/ntag424.md}.
 */
package com.tagline.simulator.ntag424;
