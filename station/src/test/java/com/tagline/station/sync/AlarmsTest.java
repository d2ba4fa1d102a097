package com.tagline.station.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.simulator.line.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlarmsTest {
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final Alarms alarms = new Alarms(clock);

    @Test
    void acknowledgingAQuarantineAlarmClearsIt() {
        alarms.raise(Alarm.CONFLICT, "tag T1 kept for an operator");

        assertEquals(Alarms.Ack.CLEARED, alarms.acknowledge(Alarm.CONFLICT));
        assertFalse(alarms.isRaised(Alarm.CONFLICT));
        assertFalse(alarms.attention());
    }

    @Test
    void acknowledgingAConditionAlarmMarksItUntilItClears() {
        alarms.raise(Alarm.OFFLINE, "platform unreachable");
        clock.advance(Duration.ofSeconds(5));
        alarms.raise(Alarm.OFFLINE, "platform unreachable, again"); // same episode: since stays

        assertEquals(Alarms.Ack.ACKNOWLEDGED, alarms.acknowledge(Alarm.OFFLINE));
        assertTrue(alarms.isRaised(Alarm.OFFLINE), "the condition lasts, so does the alarm");
        assertTrue(alarms.attention());
        assertEquals(List.of(new Alarms.Active(Alarm.OFFLINE, "platform unreachable, again",
                Instant.parse("2026-03-01T08:00:00Z"), true)), alarms.active());

        alarms.clear(Alarm.OFFLINE);
        clock.advance(Duration.ofSeconds(5));
        alarms.raise(Alarm.OFFLINE, "platform unreachable");
        assertEquals(List.of(new Alarms.Active(Alarm.OFFLINE, "platform unreachable",
                Instant.parse("2026-03-01T08:00:10Z"), false)), alarms.active(), "a new episode is unacknowledged");
    }

    @Test
    void acknowledgingAnAlarmThatIsNotRaisedSaysSo() {
        assertEquals(Alarms.Ack.NOT_RAISED, alarms.acknowledge(Alarm.DISK_LOW));
        assertTrue(alarms.active().isEmpty());
    }
}
