package com.tagline.station.simulate;

import com.tagline.hardware.line.LineSignals;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.line.SimulatedLine;
import com.tagline.station.config.Secret;
import com.tagline.station.config.StationConfig;
import com.tagline.station.line.LineTiming;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.TransportSecurity;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.sync.SyncPolicy;
import com.tagline.station.workflow.EncodingPolicy;
import com.tagline.station.workflow.LeasePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The configuration of one simulated station: what a line engineer would write in its YAML, with the
 * physical parts pointed at their doubles. The reader is {@code sim:<station>} (a PN532 emulator), the
 * conveyor the simulated line's pi4j mock pins (the standard pin map), the platform the emulator on
 * loopback with its key in {@value #TOKEN_VARIABLE}; the simulated chips' originality keys are trusted.
 */
final class SimulationConfig {
    /** The environment variable holding the stations' API key. */
    static final String TOKEN_VARIABLE = "TAGLINE_SIM_API_KEY";

    private SimulationConfig() {
    }

    /**
     * @param leases  how far ahead each station leases (several stations share one pool)
     * @param manifest the encoding manifest an ixkio station imports at start
     */
    static StationConfig of(String station, Path dataDir, SimulationKeys keys, SimulatedPlatform platform,
                            List<ChipProtocol> protocols, String sunParameters, LeasePolicy leases, boolean handFed,
                            Optional<Path> manifest, Optional<Integer> baud) {
        String apiBase = platform.kind() == StationConfig.PlatformKind.IXKIO ? "/v1" : "/api/v1";
        StationConfig.Platform p = new StationConfig.Platform(platform.kind(), platform.baseUrl(),
                new Secret(Optional.empty(), Optional.of(TOKEN_VARIABLE)), HttpEndpoint.DEFAULT_CONNECT_TIMEOUT,
                HttpEndpoint.DEFAULT_REQUEST_TIMEOUT, apiBase, manifest, TransportSecurity.DEFAULT); // loopback http
        LineSignals signals = LineSignals.standard();
        StationConfig.Line line = new StationConfig.Line(!handFed, true, SimulatedLine.standardPinMap(signals), signals,
                LineTiming.standard(), Duration.ofMillis(20), StationConfig.AfterRestart.REJECT);
        return new StationConfig(station, dataDir, keys.config(), p,
                new StationConfig.Encoding(protocols, EncodingPolicy.defaults(), leases, sunParameters),
                SyncPolicy.defaults(), new StationConfig.Storage(StoreConfig.DEFAULT_QUEUE_LIMIT, 0),
                new StationConfig.Reader("sim:" + station, baud), line,
                new StationConfig.Trust(List.of(SimulatedChips.trustedTestKeyHex()),
                        List.of(SimulatedChips.trustedNtag223TestKeyHex())),
                StationConfig.Console.disabled());
    }
}
