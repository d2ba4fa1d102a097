package com.tagline.station.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.line.MockPins;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.platform.FaultSettings;
import com.tagline.station.personalize.Reason;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import com.tagline.station.workflow.EncodeOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, faults beyond kill -9, clock: {@code station run} (hand-fed bench, in this JVM) while its wall clock is
 * stepped back and forth by hours, as NTP steps a Raspberry Pi that booted without a real-time clock. Backoffs,
 * schedules and the reader's reconnect run on time that never jumps, so a step neither holds the sync or the reader
 * for the step's length nor cuts a wait short; the outcomes keep wall-clock times.
 */
class WallClockStepTest {
    private static final Duration CHIP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void stepsOfTheWallClockHoldNeitherTheSyncNorTheReader() throws Exception {
        SteppedWallClock wall = new SteppedWallClock();
        try (InProcessBench bench = new InProcessBench(dir, 10)) {
            StationRuntime station = bench.start(InProcessBench.HAND_FED + """
                    encoding: {lease_low_water: 2, lease_high_water: 10}
                    sync: {interval_ms: 200}
                    """, Surroundings.line(Map.of()).withWallClock(wall));
            Alarms alarms = station.station().alarms();
            bench.encodeOne(CHIP);
            assertTrue(InProcessBench.within(Duration.ofSeconds(10), () -> configured(bench) == 1), "synced");

            bench.platform.faults().set(new FaultSettings(true, 0, 0, 0));
            bench.encodeOne(CHIP);
            assertTrue(InProcessBench.within(Duration.ofSeconds(10), () -> alarms.isRaised(Alarm.OFFLINE)),
                    "the sync met the outage and backs off");
            wall.step(Duration.ofHours(-1));
            bench.platform.faults().set(FaultSettings.NONE);
            long back = System.nanoTime();
            assertTrue(InProcessBench.within(Duration.ofSeconds(15), () -> configured(bench) == 2),
                    "the outcome buffered before the step back is synced when the platform returns");
            double syncedAfter = seconds(back);

            bench.unplug();
            assertTrue(InProcessBench.within(Duration.ofSeconds(5), () -> String.valueOf(alarms.raised()
                    .get(Alarm.READER_OFFLINE)).contains("check the cable")), "an open failed, its backoff runs: "
                    + alarms.raised());
            wall.step(Duration.ofHours(-1));
            bench.plugBack();
            long plugged = System.nanoTime();
            bench.encodeOne(CHIP);
            double encodedAfter = seconds(plugged);

            wall.step(Duration.ofHours(3));
            bench.encodeOne(CHIP);
            assertTrue(InProcessBench.within(Duration.ofSeconds(15), () -> configured(bench) == 4), "synced after the"
                    + " step forward");
            System.out.printf("wall clock steps: synced %.1f s after the platform returned (wall clock 1 h back),"
                    + " a chip encoded %.1f s after the reader was plugged back (wall clock 2 h back)%n",
                    syncedAfter, encodedAfter);
        }
    }

    /**
     * The conveyor's timers (debounce, gate pulse, jam and starvation) run on time that never steps. Before, the
     * line controller ran on the wall clock: a step forward while an item travelled from the antenna to the gate
     * counted as belt running time, and the line stopped on a jam that never was (a step back would have held the
     * reject gate out for the length of the step).
     */
    @Test
    void aStepForwardWhileAnItemTravelsIsNoJam() throws Exception {
        SteppedWallClock wall = new SteppedWallClock();
        MockPins[] pins = new MockPins[1];
        try (InProcessBench bench = new InProcessBench(dir, 4)) {
            StationRuntime station = bench.start(CONVEYOR, Surroundings.line(Map.of()).withWallClock(wall)
                    .withLineIo(line -> (pins[0] = MockPins.open(line.pins())).lineIo()));
            MockPins p = pins[0];
            p.drive("estop", false); // the normally closed loop is whole: released, and the operator resets
            assertTrue(InProcessBench.within(Duration.ofSeconds(5), () -> station.status().startsWith("AWAIT_RESET")),
                    station.status());
            assertTrue(station.reset(), station.status());
            assertTrue(InProcessBench.within(Duration.ofSeconds(5), () -> p.level("conveyor")), "the belt runs: "
                    + station.status());
            Ntag424FieldChip chip = bench.place();
            p.drive("encoder-eye", false); // active low: the item breaks the beam
            EncodeOutcome o = bench.next(CHIP);
            assertNotNull(o);
            assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
            bench.pn532.removeChip(chip);
            assertTrue(InProcessBench.within(Duration.ofSeconds(5), () -> p.level("conveyor")), "the belt runs on");
            p.drive("encoder-eye", true); // the item leaves the antenna for the gate
            wall.step(Duration.ofHours(1));
            Thread.sleep(1_000); // the item's travel: more than encoder_to_reject_min (850 ms), less than the 1800 ms max
            String during = station.status();
            p.drive("reject-eye", false);
            Thread.sleep(100); // the item passes the gate's eye
            p.drive("reject-eye", true);
            assertTrue(during.startsWith("RUNNING") || during.startsWith("IDLE"), "no jam: " + during);
            assertTrue(InProcessBench.within(Duration.ofSeconds(2), () -> station.status().startsWith("RUNNING")
                    || station.status().startsWith("IDLE")), station.status());
        } finally {
            if (pins[0] != null) {
                pins[0].close();
            }
        }
    }

    private static final String CONVEYOR = """
            line:
              mode: conveyor
              backend: mock
              pins:
                conveyor:     {bcm: 22, direction: out, active: high}
                reject-gate:  {bcm: 23, direction: out, active: high}
                light-green:  {bcm: 5,  direction: out, active: high}
                light-amber:  {bcm: 6,  direction: out, active: high}
                light-red:    {bcm: 13, direction: out, active: high}
                buzzer:       {bcm: 19, direction: out, active: high}
                encoder-eye:  {bcm: 17, direction: in, active: low, pull: up, debounce_ms: 2}
                reject-eye:   {bcm: 27, direction: in, active: low, pull: up, debounce_ms: 2}
                estop:        {bcm: 4,  direction: in, active: high, pull: up, debounce_ms: 5}
            encoding: {lease_low_water: 1, lease_high_water: 4}
            """;


    private static long configured(InProcessBench bench) {
        return bench.platform.state().tags("configured");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
