package com.tagline.station.console;

import com.tagline.station.line.LineState;
import com.tagline.station.sync.Alarm;

/**
 * The state banner at the top of the page (hmi.md §2: Running / Idle, no work / Paused / Fault with the
 * reason / E-stop / Offline, buffering), and how abnormal it is: {@code normal} is grey, {@code warning}
 * amber, {@code alarm} red. Colour is only for what is abnormal (ISA-101).
 *
 * @param state  a stable code for scripts and tests
 * @param text   what the operator reads
 * @param detail why, when there is more to say (the jam, the alarm message); may be empty
 */
record Banner(String state, String text, String detail, String severity) {
    static Banner of(StationSnapshot s) {
        StationSnapshot.Line line = s.line();
        return switch (line.state()) {
            case ESTOP -> new Banner("estop", "E-stop", "the belt is stopped; release the e-stop, then reset", "alarm");
            case FAULT -> new Banner("fault", "Fault", line.fault().orElse("line fault") + "; clear it, then reset", "alarm");
            case AWAIT_RESET -> new Banner("await_reset", "E-stop released", "reset to start the line", "warning");
            case STOPPED -> "simulated".equals(s.mode())
                    ? new Banner("finished", "Simulation finished", "the batch is done; the counters stay", "normal")
                    : new Banner("stopped", "Stopped", "the line is not running", "warning");
            case PAUSED -> line.operatorPaused()
                    ? new Banner("paused", "Paused", "paused by the operator; resume to run", "warning")
                    : new Banner("paused", "Paused", "outfeed full: the belt waits until it clears", "warning");
            default -> running(s, line.state());
        };
    }

    private static Banner running(StationSnapshot s, LineState state) {
        String offline = message(s, Alarm.OFFLINE);
        if (offline != null) {
            return new Banner("offline", "Offline, buffering", s.backlog().unsent()
                    + " outcomes kept on disk until the platform answers", "warning");
        }
        String noJob = message(s, Alarm.NO_JOB);
        if (noJob != null || state == LineState.IDLE) {
            return new Banner("idle", "Idle, no work", noJob != null ? noJob : "no item arrived for a while", "warning");
        }
        return new Banner("running", "Running", "", "normal");
    }

    private static String message(StationSnapshot s, Alarm alarm) {
        return s.alarms().stream().filter(a -> a.alarm() == alarm).map(a -> a.message()).findFirst().orElse(null);
    }
}
