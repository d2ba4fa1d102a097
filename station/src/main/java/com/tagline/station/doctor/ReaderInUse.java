package com.tagline.station.doctor;

import java.util.List;
import java.util.function.Consumer;

/**
 * The reader checks while a station runs on the configured data directory: not tried. Opening the serial
 * port under a running station would interleave the doctor's frames with the station's (its exchanges fail,
 * a chip may be left half personalized) and, as root, TIOCEXCL does not keep the doctor out. The running
 * station reports its reader itself (READER_OFFLINE, the console's reader state).
 */
final class ReaderInUse implements CheckGroup {
    private final String holder;

    /** @param holder who holds the data directory, e.g. "process 1234" */
    ReaderInUse(String holder) {
        this.holder = holder;
    }

    @Override
    public List<String> names() {
        return ReaderChecks.NAMES;
    }

    @Override
    public void run(Consumer<Finding> out) {
        for (String name : names()) {
            out.accept(Finding.warn(name, "not tried: a station runs on this data directory (" + holder
                    + ") and owns the reader; stop it first (systemctl stop tagline-station) to check the reader"));
        }
    }
}
