package com.tagline.station.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.station.config.ConfigLoader;
import com.tagline.station.sync.Alarm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, wrong set-up: a serial port that does not exist. Before, the station said "running" with no alarm,
 * its first error came after about 22 s without naming the port, and a stop took about 41 s. Now the reader
 * alarm names the port within 2 s, the station keeps trying with backoff, and it stops within 2 s.
 */
class MissingReaderTest {
    private static final String PORT = "/dev/ttyTAGLINE_NO_SUCH_PORT";

    @TempDir
    Path dir;

    @Test
    void aMissingSerialPortIsAnAlarmNamingItWithinTwoSecondsAndTheStationStopsWithinTwo() throws Exception {
        Path yaml = BenchConfig.write(dir, PORT, "", "");
        StationRuntime station = StationRuntime.start(Station.assemble(ConfigLoader.load(yaml),
                Surroundings.line(Map.of())), o -> { });
        long t0 = System.nanoTime();
        try {
            while (!station.station().alarms().isRaised(Alarm.READER_OFFLINE)
                    && System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos()) {
                Thread.sleep(20); // the reader thread's poll raises it; nothing to wait on here
            }
            String alarm = station.station().alarms().raised().get(Alarm.READER_OFFLINE);
            assertTrue(alarm != null && alarm.contains(PORT), "READER_OFFLINE names the port within 2 s: "
                    + station.station().alarms().raised());
        } finally {
            long s0 = System.nanoTime();
            station.close();
            Duration stop = Duration.ofNanos(System.nanoTime() - s0);
            assertTrue(stop.compareTo(Duration.ofSeconds(2)) <= 0, "stopped in " + stop.toMillis() + " ms");
        }
    }
}
