package com.tagline.station.simulate;

import com.tagline.hardware.keys.KeyFile;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.station.config.StationConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The master keys of a simulation and how its stations get them, as a line does: a key file
 * ({@code --keys}), or a fresh random key set handed over in environment variables
 * ({@code TAGLINE_KEY_SET_VERSION}, {@code TAGLINE_KEY0..4}; {@link KeyFile#fromEnvironment}). The
 * platform emulator holds its own copy for verification. {@link #toString()} shows no key.
 *
 * @param keys   the key set (the platform's copy, and the phone's check for ixkio)
 * @param config the stations' {@code keys:} section
 * @param env    environment variables the stations read
 */
public record SimulationKeys(MasterKeySet keys, StationConfig.Keys config, Map<String, String> env) {
    /** The environment prefix of the simulated key variables. */
    public static final String PREFIX = "TAGLINE_";

    public SimulationKeys {
        env = Map.copyOf(env);
    }

    public static SimulationKeys file(Path keyFile) {
        return new SimulationKeys(KeyFile.load(keyFile), new StationConfig.Keys(Optional.of(keyFile), Optional.empty()),
                Map.of());
    }

    public static SimulationKeys random() {
        SecureRandom random = new SecureRandom();
        Map<String, String> env = new HashMap<>();
        env.put(PREFIX + "KEY_SET_VERSION", "1");
        for (int i = 0; i < MasterKeySet.KEY_COUNT; i++) {
            byte[] k = new byte[16];
            random.nextBytes(k);
            env.put(PREFIX + "KEY" + i, HexFormat.of().formatHex(k));
        }
        return new SimulationKeys(KeyFile.fromEnvironment(env, PREFIX),
                new StationConfig.Keys(Optional.empty(), Optional.of(PREFIX)), env);
    }

    @Override
    public String toString() {
        return "SimulationKeys[" + keys + "]";
    }
}
