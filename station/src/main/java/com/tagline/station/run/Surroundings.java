package com.tagline.station.run;

import com.tagline.hardware.line.LineIo;
import com.tagline.hardware.line.Pi4jBackend;
import com.tagline.hardware.line.Pi4jLineIo;
import com.tagline.hardware.serial.SerialLink;
import com.tagline.hardware.serial.SerialLinks;
import com.tagline.hardware.time.MonotonicClock;
import com.tagline.station.config.StationConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * What a {@link Station} is assembled in: the parts that differ between a production line and a
 * simulation, and nothing else. On a line: the system clock and environment, serial devices, the
 * conveyor's GPIO through pi4j. In {@code station simulate}: a virtual clock, an environment map holding
 * the simulated keys and token, {@code sim:} serial links wired to PN532 emulators, and the simulated
 * conveyor's mock pins.
 *
 * @param clock     wall time: what is stored, shown and compared with the platform's times (an outcome's time,
 *                  a lease's expiry)
 * @param elapsed   time that never jumps ({@link MonotonicClock} on a line; the same virtual clock in a
 *                  simulation): durations, deadlines, backoffs and schedules, whatever the wall clock does
 * @param env       environment variables (master keys, API token variables)
 * @param links     resolves {@code sim:} reader links; {@link SerialLinks#NO_SIMULATOR} on a line
 * @param lineIo    opens the conveyor's inputs and outputs for a {@code line.mode: conveyor} station
 * @param jitter    randomness of the sync's backoff (jitter keeps stations from retrying in lockstep)
 */
public record Surroundings(Clock clock, Clock elapsed, Map<String, String> env, Function<String, SerialLink> links,
                           Function<StationConfig.Line, LineIo> lineIo, RandomGenerator jitter) {
    public Surroundings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(elapsed, "elapsed");
        env = Map.copyOf(env);
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(lineIo, "lineIo");
        Objects.requireNonNull(jitter, "jitter");
    }

    /**
     * A production line: the system's wall clock and its monotonic clock, the environment, real serial devices,
     * GPIO through pi4j.
     */
    public static Surroundings line(Map<String, String> env) {
        return new Surroundings(Clock.systemUTC(), MonotonicClock.system(), env, SerialLinks.NO_SIMULATOR,
                Surroundings::pi4j, new SecureRandom());
    }

    /** The same with {@code sim:} reader links resolved by {@code links} (benches and tests against emulators). */
    public Surroundings withLinks(Function<String, SerialLink> value) {
        return new Surroundings(clock, elapsed, env, value, lineIo, jitter);
    }

    /** The same with {@code wall} as the wall clock (a test's clock that jumps); the monotonic clock stays. */
    public Surroundings withWallClock(Clock wall) {
        return new Surroundings(wall, elapsed, env, links, lineIo, jitter);
    }

    /** The same with the conveyor's inputs and outputs opened by {@code value}. */
    public Surroundings withLineIo(Function<StationConfig.Line, LineIo> value) {
        return new Surroundings(clock, elapsed, env, links, value, jitter);
    }

    /** Opens the configured pins through pi4j (gpiod, or its mock providers when {@code line.backend: mock}). */
    static LineIo pi4j(StationConfig.Line line) {
        Pi4jBackend backend = line.mockPins() ? Pi4jBackend.MOCK : Pi4jBackend.GPIOD;
        Pi4jLineIo io = Pi4jLineIo.open(backend.newContext(), line.pins(), backend);
        io.installShutdownHook();
        io.startWatchdog(line.watchdog());
        return io;
    }
}
