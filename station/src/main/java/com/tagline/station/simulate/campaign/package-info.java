/**
 * The process-level kill campaign of issue 12 ({@code station campaign}): {@code station run} in its own process,
 * killed with SIGKILL again and again while this process hosts the world (platform and PN532 emulators, chips,
 * bins, an operator), then drained and checked: no chip ships wrong. Simulation code, like its parent package:
 * nothing that runs on a line depends on it (architecture test).
 */
package com.tagline.station.simulate.campaign;
