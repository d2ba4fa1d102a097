package com.tagline.station.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's raised alarms, with their messages; logged once when raised and once when cleared.
 * Thread-safe: the sync, lease and encoder threads raise, the line, the console and the summary read.
 *
 * <p>An operator acknowledges an alarm (ISA-18.2: the operator has seen it). An alarm that
 * {@link Alarm#needsOperator() needs the operator} (a quarantined report) has nothing else that would
 * clear it, so acknowledging it clears it; any other alarm stays raised while its condition lasts, marked
 * acknowledged until it clears (raised again later, it is unacknowledged again).
 */
public final class Alarms {
    private static final Logger log = LoggerFactory.getLogger(Alarms.class);

    /** What acknowledging an alarm did. */
    public enum Ack { CLEARED, ACKNOWLEDGED, NOT_RAISED }

    /** One raised alarm as the operator sees it. */
    public record Active(Alarm alarm, String message, Instant since, boolean acknowledged) {
    }

    private final Clock clock;
    private final Map<Alarm, String> raised = new EnumMap<>(Alarm.class);
    private final Map<Alarm, Instant> since = new EnumMap<>(Alarm.class);
    private final Set<Alarm> acknowledged = EnumSet.noneOf(Alarm.class);
    private final Map<Alarm, AtomicInteger> times = new EnumMap<>(Alarm.class);

    /** Alarms timed by the system clock. */
    public Alarms() {
        this(Clock.systemUTC());
    }

    /** Alarms timed by {@code clock} (a simulation's virtual clock). */
    public Alarms(Clock clock) {
        this.clock = clock;
    }

    public synchronized void raise(Alarm alarm, String message) {
        String before = raised.put(alarm, message);
        times.computeIfAbsent(alarm, a -> new AtomicInteger()).incrementAndGet();
        if (before == null) {
            since.put(alarm, clock.instant());
            log.warn("event=alarm alarm={} message=\"{}\"", alarm, message);
        }
    }

    public synchronized void clear(Alarm alarm) {
        if (raised.remove(alarm) != null) {
            since.remove(alarm);
            acknowledged.remove(alarm);
            log.info("event=alarm_cleared alarm={}", alarm);
        }
    }

    /** The operator acknowledges {@code alarm}; see the class comment for what that does. */
    public synchronized Ack acknowledge(Alarm alarm) {
        if (!raised.containsKey(alarm)) {
            return Ack.NOT_RAISED;
        }
        if (alarm.needsOperator()) {
            log.info("event=alarm_acknowledged alarm={} cleared=true", alarm);
            clear(alarm);
            return Ack.CLEARED;
        }
        if (acknowledged.add(alarm)) {
            log.info("event=alarm_acknowledged alarm={} cleared=false", alarm);
        }
        return Ack.ACKNOWLEDGED;
    }

    public synchronized boolean isRaised(Alarm alarm) {
        return raised.containsKey(alarm);
    }

    /** The raised alarms and their messages, a copy. */
    public synchronized Map<Alarm, String> raised() {
        return raised.isEmpty() ? Map.of() : new EnumMap<>(raised);
    }

    /** The raised alarms with when each was raised and whether it was acknowledged, in {@link Alarm} order. */
    public synchronized List<Active> active() {
        List<Active> out = new ArrayList<>(raised.size());
        raised.forEach((a, m) -> out.add(new Active(a, m, since.get(a), acknowledged.contains(a))));
        return out;
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
