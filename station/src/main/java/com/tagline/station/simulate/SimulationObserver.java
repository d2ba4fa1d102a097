package com.tagline.station.simulate;

import com.tagline.station.workflow.EncodeOutcome;

/**
 * What watches a running simulation from its own thread (the operator console, issue 14): told when the
 * station is open, when its line starts, after every step in virtual time, after every chip, and when
 * the run ended (the store still open). It watches one station (the first of a run with several). Every
 * call comes on the simulation's thread, which drives the station and the line, so an observer may use
 * them there and nowhere else.
 */
interface SimulationObserver {
    /** The station is assembled (store, alarms, platform side, reader); the clock starts. */
    void opened(SimulatedStation station);

    /** The station's simulated conveyor (not in a hand-fed run). */
    void line(SimulatedLineRun line);

    /** After each step of virtual time (a line step, or a hand-fed chip). */
    void afterStep();

    /** The station's encoder finished with a chip (also a chip that found no job). */
    void chip(EncodeOutcome outcome);

    /** The run is over (summary known); the store is still open. */
    void ended();

    SimulationObserver NONE = new SimulationObserver() {
        @Override
        public void opened(SimulatedStation station) {
        }

        @Override
        public void line(SimulatedLineRun line) {
        }

        @Override
        public void afterStep() {
        }

        @Override
        public void chip(EncodeOutcome outcome) {
        }

        @Override
        public void ended() {
        }
    };
}
