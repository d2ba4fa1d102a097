package com.tagline.station.doctor;

import java.util.List;
import java.util.function.Consumer;

/**
 * Checks that run one after another on one thread (each needs the one before, e.g. a PN532 needs its
 * serial device). The doctor runs the groups side by side, each under a deadline; a check the group did
 * not report by then is a FAIL saying so.
 */
interface CheckGroup {
    /** The checks' names, in report order. */
    List<String> names();

    /** Runs the checks, reporting one finding per name, in order, as each is known. */
    void run(Consumer<Finding> out);
}
