package com.tagline.station.run;

import com.tagline.hardware.line.LineIo;
import com.tagline.hardware.line.Pi4jBackend;
import com.tagline.hardware.line.Pi4jLineIo;
import com.tagline.hardware.serial.SerialLink;
import com.tagline.hardware.serial.SerialLinks;
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
 * @param env       environment variables (master keys, API token variables)
 * @param links     resolves {@code sim:} reader links; {@link SerialLinks#NO_SIMULATOR} on a line
 * @param lineIo    opens the conveyor's inputs and outputs for a {@code line.mode: conveyor} station
 * @param jitter    randomness of the sync's backoff (jitter keeps stations from retrying in lockstep)
 */
public record Surroundings(Clock clock, Map<String, String> env, Function<String, SerialLink> links,
                           Function<StationConfig.Line, LineIo> lineIo, RandomGenerator jitter) {
    public Surroundings {
        Objects.requireNonNull(clock, "clock");
        env = Map.copyOf(env);
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(lineIo, "lineIo");
        Objects.requireNonNull(jitter, "jitter");
    }

    /** A production line: system clock and environment, real serial devices, GPIO through pi4j. */
    public static Surroundings line(Map<String, String> env) {
        return new Surroundings(Clock.systemUTC(), env, SerialLinks.NO_SIMULATOR, Surroundings::pi4j,
                new SecureRandom());
    }

    /** The same with {@code sim:} reader links resolved by {@code links} (benches and tests against emulators). */
    public Surroundings withLinks(Function<String, SerialLink> value) {
        return new Surroundings(clock, env, value, lineIo, jitter);
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
