package com.tagline.station.config;

import com.tagline.hardware.keys.KeyFile;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.line.LineSignals;
import com.tagline.hardware.line.PinMap;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.line.LineTiming;
import com.tagline.station.platform.TransportSecurity;
import com.tagline.station.sync.SyncPolicy;
import com.tagline.station.workflow.EncodingPolicy;
import com.tagline.station.workflow.LeasePolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated station configuration (one YAML file; example: {@code configs/station.example.yaml}).
 * Built only by {@link ConfigLoader}, which names every bad field.
 *
 * @param station the station name in every outcome report
 * @param dataDir where the SQLite store lives ({@code station.db})
 */
public record StationConfig(String station, Path dataDir, Keys keys, Platform platform, Encoding encoding,
                            SyncPolicy sync, Storage storage, Reader reader, Line line, Trust trust, Console console) {

    /** Master keys: a key file ({@code configs/keys.example.yaml}) or environment variables with a prefix. */
    public record Keys(Optional<Path> file, Optional<String> environmentPrefix) {
        /**
         * The key file as read under {@code env}: the configured file, or its systemd credential of the
         * same name ({@link Credentials}); empty when the keys come from the environment.
         */
        public Optional<Path> source(Map<String, String> env) {
            return file.map(f -> Credentials.resolve(f, env));
        }

        /**
         * Reads the master keys: the one place a station, a simulation or the doctor reads them.
         *
         * @throws com.tagline.hardware.TaglineException naming the file or variable that is missing, exposed or bad
         */
        public MasterKeySet load(Map<String, String> env) {
            return source(env).map(KeyFile::load)
                    .orElseGet(() -> KeyFile.fromEnvironment(env, environmentPrefix.orElseThrow()));
        }
    }

    /**
     * The tag platform: tagbase (platform-api §1: leases and outcome reports) or ixkio (§2: an imported
     * encoding manifest and one PATCH per configured code).
     *
     * @param apiBase  the API's path prefix ({@code /api/v1} for tagbase, {@code /v1} for ixkio)
     * @param manifest ixkio: an encoding manifest imported at start unless this file name was imported before
     * @param security plain-http policy ({@code allow_insecure_http}) and a private CA ({@code ca_file})
     */
    public record Platform(PlatformKind kind, URI baseUrl, Secret apiKey, Duration connectTimeout,
                           Duration requestTimeout, String apiBase, Optional<Path> manifest,
                           TransportSecurity security) {
    }

    /** The platforms a station can serve. */
    public enum PlatformKind {
        TAGBASE("tagbase"), IXKIO("ixkio");

        private final String code;

        PlatformKind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * What the station encodes and how.
     *
     * @param sunParameters the NTAG 424 DNA SUN parameter template ({@code SunTemplate})
     */
    public record Encoding(List<ChipProtocol> protocols, EncodingPolicy policy, LeasePolicy leases, String sunParameters) {
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
                       Duration watchdog, AfterRestart afterRestart) {
    }

    /**
     * What the conveyor does with items between the antenna and the reject gate when the station starts
     * (architecture §5: after a restart they have no verdict the station can trust; never passed as good).
     */
    public enum AfterRestart {
        /** The belt runs and every item that reaches the gate without a verdict is rejected (the default). */
        REJECT,
        /** The belt waits, amber, until the operator has cleared it by hand and reset the line. */
        WAIT_FOR_CLEAR
    }

    /**
     * The operator console (issue 14).
     *
     * @param operatorToken where the controls' bearer token comes from; empty: controls refused
     * @param targetPerHour the line's target rate, shown beside the measured one
     */
    public record Console(boolean enabled, String host, int port, Optional<Secret> operatorToken,
                          java.util.OptionalLong targetPerHour) {
        /** No console (a station assembled by {@code station simulate}, which serves its own). */
        public static Console disabled() {
            return new Console(false, "127.0.0.1", 8088, Optional.empty(), java.util.OptionalLong.empty());
        }
    }

    /** Extra trusted originality public keys (hex) beyond NXP's built-in ones. */
    public record Trust(List<String> ntag424, List<String> ntag223) {
    }
}
