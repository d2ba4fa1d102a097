package com.tagline.station.config;

import com.tagline.hardware.line.LineSignals;
import com.tagline.hardware.line.PinMap;
import com.tagline.station.line.LineTiming;
import com.tagline.station.sync.SyncPolicy;
import com.tagline.station.workflow.EncodingPolicy;
import com.tagline.station.workflow.LeasePolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The validated station configuration (one YAML file; example: {@code configs/station.example.yaml}).
 * Built only by {@link ConfigLoader}, which names every bad field.
 *
 * @param station the station name in every outcome report
 * @param dataDir where the SQLite store lives ({@code station.db})
 */
public record StationConfig(String station, Path dataDir, Keys keys, Platform platform, Encoding encoding,
                            SyncPolicy sync, Storage storage, Reader reader, Line line, Trust trust) {

    /** Master keys: a key file ({@code configs/keys.example.yaml}) or environment variables with a prefix. */
    public record Keys(Optional<Path> file, Optional<String> environmentPrefix) {
    }

    /**
     * The tag platform (tagbase, platform-api §1).
     *
     * @param security plain-http policy ({@code allow_insecure_http}) and a private CA ({@code ca_file})
     */
    public record Platform(URI baseUrl, Secret apiKey, Duration connectTimeout, Duration requestTimeout,
                           String apiBase, com.tagline.station.platform.TransportSecurity security) {
    }

    /**
     * What the station encodes and how.
     *
     * @param sunParameters the NTAG 424 DNA SUN parameter template ({@code SunTemplate})
     */
    public record Encoding(List<String> protocols, EncodingPolicy policy, LeasePolicy leases, String sunParameters) {
    }

    /** Store bounds (issue 6: stop leasing and alarm, never drop). */
    public record Storage(int queueLimit, long minFreeBytes) {
    }

    /**
     * The PN532 link.
     *
     * @param link {@code /dev/ttyAMA0}, {@code /dev/ttyUSB0?baud=115200} or {@code tcp://host:port}
     * @param baud raise the HSU speed to this after init (SetSerialBaudRate), if set
     */
    public record Reader(String link, Optional<Integer> baud) {
    }

    /**
     * The conveyor, or none (hand-fed bench).
     *
     * @param conveyor false: hand-fed bench mode, no line I/O at all
     * @param mockPins pi4j's mock providers (a bench without GPIO); the station refuses them unless asked
     * @param watchdog input polling period (gpiod listeners in pi4j 2.8.0 can fail to start)
     */
    public record Line(boolean conveyor, boolean mockPins, PinMap pins, LineSignals signals, LineTiming timing,
                       Duration watchdog) {
    }

    /** Extra trusted originality public keys (hex) beyond NXP's built-in ones. */
    public record Trust(List<String> ntag424, List<String> ntag223) {
    }
}
