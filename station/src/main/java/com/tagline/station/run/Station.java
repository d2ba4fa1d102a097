package com.tagline.station.run;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.line.LineIo;
import com.tagline.hardware.pn532.Pn532;
import com.tagline.hardware.pn532.Pn532Settings;
import com.tagline.hardware.retry.Backoff;
import com.tagline.hardware.serial.ReconnectingSerialLink;
import com.tagline.hardware.serial.SerialLinkSpec;
import com.tagline.hardware.serial.SerialLinks;
import com.tagline.hardware.serial.Sleeper;
import com.tagline.station.config.ConfigException;
import com.tagline.station.config.StationConfig;
import com.tagline.station.console.ConsoleSettings;
import com.tagline.station.console.OperatorToken;
import com.tagline.station.ixkio.ManifestSource;
import com.tagline.station.platform.Credential;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.HttpTransport;
import com.tagline.station.platform.ixkio.IxkioClient;
import com.tagline.station.platform.ixkio.IxkioTokenHeader;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.store.StoreThread;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import com.tagline.station.sync.IxkioSink;
import com.tagline.station.sync.OutboxSync;
import com.tagline.station.sync.OutcomeSink;
import com.tagline.station.sync.TagbaseSink;
import com.tagline.station.workflow.ChipEncoder;
import com.tagline.station.workflow.JobSource;
import com.tagline.station.workflow.Leasing;
import com.tagline.station.workflow.Pn532Antenna;
import com.tagline.station.workflow.WorkSupply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One station, assembled from a validated configuration: the composition root (architecture §2). Nothing
 * else wires a station: {@code station run} gives it a production line's {@link Surroundings}, and
 * {@code station simulate} and the benchmarks give it their doubles, so what a simulation proves is what
 * runs on a line. It holds the store, the master keys' recipes, the encoder, the platform side of the
 * configured platform (its {@link JobSource} and the {@link OutboxSync} over its {@link OutcomeSink}), the
 * reader (PN532 on a reconnecting serial link), in conveyor mode the line's inputs and outputs, and the
 * operator console's settings (its token read here, with the other secrets).
 *
 * <p>Drivers bring the threads: {@link StationRuntime} on a line, the simulation loop in virtual time.
 * When a part fails to start, the parts already opened are closed before the failure propagates.
 */
public final class Station implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Station.class);

    private final StationConfig config;
    private final Clock clock;
    private final Clock elapsed;
    private final Alarms alarms;
    private final Closer closer;
    private final MasterKeySet keys;
    private final StoreAccess store;
    private final Recipes recipes;
    private final ChipEncoder encoder;
    private final PlatformWork platform;
    private final ReconnectingSerialLink link;
    private final Pn532 pn532;
    private final Pn532Antenna antenna;
    private final Optional<LineIo> lineIo;
    private final Optional<ConsoleSettings> console;

    private Station(StationConfig config, Surroundings env, Closer closer) {
        this.config = config;
        this.closer = closer;
        this.clock = env.clock();
        this.elapsed = env.elapsed();
        this.alarms = new Alarms(clock); // raised and cleared on the station's clock (virtual in a simulation)
        refuseSimulatorLink(config.reader().link(), env);
        this.keys = config.keys().load(env.env()); // a key file may come as a systemd credential
        Credential credential = credential(config, env);
        this.console = consoleSettings(config.console(), env.env());
        Path dataDir = DataDirectory.create(config.dataDir());
        closer.add(DataDirectoryLock.take(dataDir)); // before the store: one store belongs to one station
        this.store = closer.add(StoreThread.open(StoreConfig.of(dataDir.resolve("station.db"), config.station())
                .withClock(clock).withQueueLimit(config.storage().queueLimit())
                .withMinFreeBytes(config.storage().minFreeBytes())));
        this.recipes = Recipes.of(config, keys);
        this.encoder = new ChipEncoder(store, recipes.byProtocol(), config.encoding().policy(), keys.version(), clock,
                alarms, config.platform().kind() == StationConfig.PlatformKind.IXKIO ? WorkSupply.MANIFEST
                        : WorkSupply.LEASES);
        this.platform = platformSide(env, credential);
        this.link = closer.add(readerLink(config, env, elapsed, alarms));
        Pn532Settings settings = config.reader().baud().map(b -> Pn532Settings.defaults().withSerialBaudRate(b))
                .orElse(Pn532Settings.defaults());
        this.pn532 = closer.add(new Pn532(link, settings, Sleeper.SYSTEM));
        this.antenna = new Pn532Antenna(pn532);
        closer.add(antenna::release);
        this.lineIo = config.line().conveyor() ? Optional.of(closer.add(env.lineIo().apply(config.line())))
                : Optional.empty();
        log.info("event=station_assembled station={} platform={} base_url={} key_version={} kcv={} reader={} mode={}",
                config.station(), config.platform().kind().code(), config.platform().baseUrl(), keys.version(),
                keys.checkValues(), config.reader().link(), config.line().conveyor() ? "conveyor" : "hand-fed");
    }

    /**
     * Assembles a station. Nothing runs yet: the driver recovers in-flight attempts and starts its threads.
     *
     * @throws RuntimeException whatever part could not start (key file, token, store, manifest, reader
     *     link, GPIO), after the parts already opened were closed
     */
    public static Station assemble(StationConfig config, Surroundings env) {
        Closer partial = new Closer();
        try {
            return new Station(config, env, partial);
        } catch (RuntimeException e) {
            partial.close();
            throw e;
        }
    }

    /**
     * The PN532's serial link: one open attempt per try, then fail fast with the backoff (0.5 s doubling to 5 s)
     * before the next, so a missing or unplugged reader is reported within a poll (READER_OFFLINE names the
     * device and why) and never holds the reader thread, or a shutdown, for a reconnect cycle. The backoff runs on
     * {@code elapsed} time: a wall clock stepped back must not keep a reader plugged back in waiting.
     */
    private static ReconnectingSerialLink readerLink(StationConfig config, Surroundings env, Clock elapsed,
                                                     Alarms alarms) {
        String device = config.reader().link();
        ReconnectingSerialLink link = new ReconnectingSerialLink(SerialLinks.opener(device, env.links()),
                Backoff.exact(Duration.ofMillis(500), Duration.ofSeconds(5)), 1, Sleeper.SYSTEM, elapsed).named(
                "the PN532 reader on " + device);
        link.onOpenFailure(e -> alarms.raise(Alarm.READER_OFFLINE, e.getMessage() + "; check the cable and"
                + " reader.link, retrying"));
        link.onStateChange(state -> {
            if (state == ReconnectingSerialLink.State.CONNECTED) {
                alarms.clear(Alarm.READER_OFFLINE);
            } else if (state == ReconnectingSerialLink.State.DISCONNECTED) {
                alarms.raise(Alarm.READER_OFFLINE, "the PN532 reader on " + device + " was lost; reconnecting");
            }
        });
        return link;
    }

    /** A {@code sim:} link with no emulator behind it would fail every chip, after the station started. */
    private static void refuseSimulatorLink(String link, Surroundings env) {
        if (env.links() == SerialLinks.NO_SIMULATOR
                && SerialLinkSpec.parse(link) instanceof SerialLinkSpec.Simulated) {
            throw new ConfigException("reader.link", List.of("'" + link + "' is the in-process emulator of station"
                    + " simulate; a station's reader is a serial device (/dev/ttyAMA0) or tcp://host:port"));
        }
    }

    private static Credential credential(StationConfig config, Surroundings env) {
        StationConfig.Platform p = config.platform();
        return Credential.from(() -> p.apiKey().read("platform.api_key", env.env()), p.apiKey().toString());
    }

    /**
     * The console's settings from the {@code console} section, with the operator token read now; empty
     * when {@code console.enabled} is false. {@link #assemble} calls it, so an unreadable token
     * stops the station at start like any other secret it names; {@code station doctor} calls it to check
     * the token as the station will read it.
     *
     * @throws ConfigException when the operator token cannot be read or is too short
     */
    public static Optional<ConsoleSettings> consoleSettings(StationConfig.Console c, Map<String, String> env) {
        if (!c.enabled()) {
            return Optional.empty();
        }
        Optional<OperatorToken> token;
        try {
            token = c.operatorToken().map(s -> OperatorToken.of(s.read("console.operator_token", env)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("console.operator_token", List.of(e.getMessage()));
        }
        return Optional.of(new ConsoleSettings(c.host(), c.port(), token, c.targetPerHour()));
    }

    /** The configured platform's job source and outcome sink: the one place a platform is chosen. */
    private PlatformWork platformSide(Surroundings env, Credential credential) {
        StationConfig.Platform p = config.platform();
        HttpEndpoint endpoint = new HttpEndpoint(p.baseUrl(), credential, p.connectTimeout(), p.requestTimeout(),
                p.security());
        JobSource jobs;
        OutcomeSink sink;
        switch (p.kind()) {
            case TAGBASE -> {
                TagbaseClient client = closer.add(new TagbaseClient(new HttpTransport(endpoint), p.apiBase(), clock));
                jobs = new Leasing(store, client, config.encoding().leases(), config.station(), clock, elapsed, alarms);
                sink = new TagbaseSink(client);
            }
            case IXKIO -> {
                IxkioClient client = closer.add(new IxkioClient(new HttpTransport(endpoint,
                        IxkioTokenHeader.X_API_KEY.header()), p.apiBase()));
                jobs = ManifestSource.open(p.manifest(), recipes.fit(), store);
                sink = new IxkioSink(store, client);
            }
            default -> throw new IllegalStateException("unknown platform kind " + p.kind());
        }
        OutboxSync sync = new OutboxSync(store, sink, config.sync(), config.sync().backoff(env.jitter()), clock,
                elapsed, alarms);
        return new PlatformWork(jobs, sync, elapsed);
    }

    public StationConfig config() {
        return config;
    }

    /** Wall time: what is stored, shown and compared with the platform's times. */
    public Clock clock() {
        return clock;
    }

    /** Time that never jumps (architecture §3): durations, deadlines, backoffs and schedules. */
    public Clock elapsed() {
        return elapsed;
    }

    public Alarms alarms() {
        return alarms;
    }

    public MasterKeySet keys() {
        return keys;
    }

    public StoreAccess store() {
        return store;
    }

    public ChipEncoder encoder() {
        return encoder;
    }

    public PlatformWork platform() {
        return platform;
    }

    public ReconnectingSerialLink readerLink() {
        return link;
    }

    public Pn532Antenna antenna() {
        return antenna;
    }

    /** The conveyor's inputs and outputs; empty in hand-fed mode. */
    public Optional<LineIo> lineIo() {
        return lineIo;
    }

    /** The operator console's settings; empty when {@code console.enabled} is false. */
    public Optional<ConsoleSettings> console() {
        return console;
    }

    /** Closes every part in the reverse order of opening; each failure is logged, none stops the others. */
    @Override
    public void close() {
        closer.close();
    }
}
