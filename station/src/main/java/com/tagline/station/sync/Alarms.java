package com.tagline.station.sync;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's raised alarms, with their messages; logged once when raised and once when cleared.
 * Thread-safe: the sync, lease and encoder threads raise, the line and the summary read.
 */
public final class Alarms {
    private static final Logger log = LoggerFactory.getLogger(Alarms.class);

    private final Map<Alarm, String> raised = new EnumMap<>(Alarm.class);
    private final Map<Alarm, AtomicInteger> times = new EnumMap<>(Alarm.class);

    public synchronized void raise(Alarm alarm, String message) {
        String before = raised.put(alarm, message);
        times.computeIfAbsent(alarm, a -> new AtomicInteger()).incrementAndGet();
        if (before == null) {
            log.warn("event=alarm alarm={} message=\"{}\"", alarm, message);
        }
    }

    public synchronized void clear(Alarm alarm) {
        if (raised.remove(alarm) != null) {
            log.info("event=alarm_cleared alarm={}", alarm);
        }
    }

    public synchronized boolean isRaised(Alarm alarm) {
        return raised.containsKey(alarm);
    }

    /** The raised alarms and their messages, a copy. */
    public synchronized Map<Alarm, String> raised() {
        return raised.isEmpty() ? Map.of() : new EnumMap<>(raised);
    }

    /** How often {@code alarm} was raised since start. */
    public synchronized int timesRaised(Alarm alarm) {
        AtomicInteger n = times.get(alarm);
        return n == null ? 0 : n.get();
    }

    /** Something wants the operator's attention (amber light). */
    public synchronized boolean attention() {
        return !raised.isEmpty();
    }
}
