package com.tagline.station.run;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.KeyFile;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.line.Pi4jBackend;
import com.tagline.hardware.line.Pi4jLineIo;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.pn532.Pn532;
import com.tagline.hardware.pn532.Pn532Settings;
import com.tagline.hardware.serial.ReconnectingSerialLink;
import com.tagline.hardware.serial.SerialLink;
import com.tagline.hardware.serial.SerialLinks;
import com.tagline.hardware.serial.Sleeper;
import com.tagline.station.config.StationConfig;
import com.tagline.station.personalize.Ntag223Personalizer;
import com.tagline.station.personalize.Ntag223Recipe;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.Ntag424Recipe;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.HttpTransport;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.store.StoreThread;
import com.tagline.station.sync.Alarms;
import com.tagline.station.sync.OutboxSync;
import com.tagline.station.workflow.ChipEncoder;
import com.tagline.station.workflow.ChipRecipe;
import com.tagline.station.workflow.EncodeOutcome;
import com.tagline.station.workflow.Leasing;
import com.tagline.station.workflow.Pn532Antenna;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code station run}: the production station from its configuration (issue 6). Threads
 * (architecture §3): {@code store} owns SQLite, {@code reader} owns the serial link, the PN532 and the
 * chip session, {@code platform} leases and syncs, {@code line} owns the line controller (conveyor
 * mode; hand-fed mode polls the antenna on the reader thread instead).
 *
 * <p>Start-up resolves attempts a crash left in flight from the chip at the antenna before anything
 * else. {@link #close()} is the clean shutdown (SIGTERM): the line stops, the chip in progress is
 * finished or aborted as interrupted, the outbox is flushed for a bounded time, unused leases are
 * released, outputs go safe and the store closes.
 */
public final class StationRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StationRuntime.class);
    private static final Duration FLUSH_BUDGET = Duration.ofSeconds(10);

    private final StationConfig config;
    private final Alarms alarms = new Alarms();
    private final ExecutorService readerThread = Executors.newSingleThreadExecutor(r -> LineRuntime.daemon(r, "reader"));
    private final Thread platformThread;
    private final StoreThread store;
    private final TagbaseClient platform;
    private final Leasing leasing;
    private final PlatformLoop platformLoop;
    private final SerialLink link;
    private final Pn532 pn532;
    private final Pn532Antenna antenna;
    private final ChipEncoder encoder;
    private final LineRuntime line;
    private final BenchLoop bench;
    private final Pi4jLineIo lineIo;
    private volatile boolean closed;

    private StationRuntime(StationConfig config, Map<String, String> env, Function<String, SerialLink> simulators,
                           Consumer<EncodeOutcome> outcomes) {
        this.config = config;
        Clock clock = Clock.systemUTC();
        MasterKeySet keys = config.keys().file()
                .map(f -> KeyFile.load(com.tagline.station.config.Credentials.resolve(f, env)))
                .orElseGet(() -> KeyFile.fromEnvironment(env, config.keys().environmentPrefix().orElseThrow()));
        String token = config.platform().apiKey().read("platform.api_key", env);
        createDataDir(config.dataDir());
        this.store = StoreThread.open(StoreConfig.of(config.dataDir().resolve("station.db"), config.station())
                .withQueueLimit(config.storage().queueLimit()).withMinFreeBytes(config.storage().minFreeBytes()));
        this.platform = new TagbaseClient(new HttpTransport(new HttpEndpoint(config.platform().baseUrl(), token,
                config.platform().connectTimeout(), config.platform().requestTimeout(), config.platform().security())),
                config.platform().apiBase());
        this.leasing = new Leasing(store, platform, config.encoding().leases(), config.station(), clock, alarms);
        OutboxSync sync = new OutboxSync(store, platform, config.sync(), config.sync().backoff(new SecureRandom()),
                clock, alarms);
        this.platformLoop = new PlatformLoop(leasing, sync, clock);
        this.platformThread = LineRuntime.daemon(platformLoop, "platform");
        this.link = new ReconnectingSerialLink(SerialLinks.opener(config.reader().link(), simulators),
                ReconnectingSerialLink.Backoff.defaults());
        Pn532Settings settings = config.reader().baud().map(b -> Pn532Settings.defaults().withSerialBaudRate(b))
                .orElse(Pn532Settings.defaults());
        this.pn532 = new Pn532(link, settings, Sleeper.SYSTEM);
        this.antenna = new Pn532Antenna(pn532);
        this.encoder = new ChipEncoder(store, recipes(config, keys), config.encoding().policy(), keys.version(), clock,
                alarms);
        if (config.line().conveyor()) {
            Pi4jBackend backend = config.line().mockPins() ? Pi4jBackend.MOCK : Pi4jBackend.GPIOD;
            this.lineIo = Pi4jLineIo.open(backend.newContext(), config.line().pins(), backend);
            lineIo.installShutdownHook();
            lineIo.startWatchdog(config.line().watchdog());
            this.line = new LineRuntime(clock, lineIo, config.line().signals(), config.line().timing(), readerThread,
                    antenna, encoder, outcomes, alarms);
            this.bench = null;
        } else {
            this.lineIo = null;
            this.line = null;
            this.bench = new BenchLoop(antenna, encoder, Duration.ofMillis(200), outcomes);
        }
        log.info("event=station_configured station={} platform={} keys={} reader={} mode={}", config.station(),
                config.platform().baseUrl(), keys, config.reader().link(), config.line().conveyor() ? "conveyor" : "hand-fed");
    }

    /**
     * Builds and starts the station.
     *
     * @param simulators resolves {@code sim:} reader links (tests, benches); {@link SerialLinks#NO_SIMULATOR} in production
     * @param outcomes   told of every chip's outcome (the operator display; may be a no-op)
     */
    public static StationRuntime start(StationConfig config, Map<String, String> env,
                                       Function<String, SerialLink> simulators, Consumer<EncodeOutcome> outcomes) {
        StationRuntime r = new StationRuntime(config, env, simulators, outcomes);
        try {
            r.begin();
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
        return r;
    }

    private void begin() {
        await(readerThread.submit(() -> encoder.recover(antenna)));
        leasing.runOnce(); // tags on hand before the first chip; offline, this only raises the alarm
        platformThread.start();
        if (line != null) {
            line.start();
        } else {
            readerThread.execute(bench);
        }
    }

    public Alarms alarms() {
        return alarms;
    }

    /** The operator's reset of the line (no-op in hand-fed mode). */
    public boolean reset() {
        return line != null && line.reset();
    }

    public String status() {
        return (line == null ? "hand-fed" : line.status()) + ", alarms " + alarms.raised().keySet();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("event=station_stopping");
        if (line != null) {
            closeQuietly(line::close);
        }
        if (bench != null) {
            bench.stop();
        }
        readerThread.shutdown();
        awaitTermination(readerThread);
        platformLoop.stop();
        // A platform call in progress may take its whole request timeout; sync and leasing are not safe
        // on two threads, so they are flushed here only once the platform thread has ended.
        join(platformThread, config.platform().requestTimeout().plusSeconds(2));
        if (platformThread.isAlive()) {
            log.error("event=station_stopped outbox_flushed=false leases_released=0"
                    + " why=\"the platform thread did not end; outcomes stay on disk for the next start\"");
        } else {
            boolean[] flushed = {false};
            int[] released = {0};
            closeQuietly(() -> flushed[0] = platformLoop.flush(FLUSH_BUDGET));
            closeQuietly(() -> released[0] = leasing.releaseUnused());
            log.info("event=station_stopped outbox_flushed={} leases_released={}", flushed[0], released[0]);
        }
        closeQuietly(antenna::release);
        closeQuietly(pn532::close);
        closeQuietly(link::close);
        if (lineIo != null) {
            closeQuietly(lineIo::close);
        }
        closeQuietly(platform::close);
        closeQuietly(store::close);
    }

    private static void createDataDir(java.nio.file.Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new com.tagline.station.store.StoreException("open", "cannot create the data directory " + dir
                    + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, ChipRecipe> recipes(StationConfig config, MasterKeySet keys) {
        Map<String, ChipRecipe> recipes = new HashMap<>();
        if (config.encoding().protocols().contains("ntag_424_dna")) {
            Ntag424Personalizer p = new Ntag424Personalizer(Ntag424Recipe.of(keys,
                    new SunTemplate(config.encoding().sunParameters(), 1, 2),
                    OriginalitySignature.ntag424(config.trust().ntag424())));
            recipes.put("ntag_424_dna", p::personalize);
        }
        if (config.encoding().protocols().contains("ntag_223_dna")) {
            Ntag223Personalizer p = new Ntag223Personalizer(Ntag223Recipe.of(keys, MirrorTemplate.defaults(),
                    Ntag223Originality.trust(config.trust().ntag223())));
            recipes.put("ntag_223_dna", p::personalize);
        }
        return recipes;
    }

    private static void await(java.util.concurrent.Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static void awaitTermination(ExecutorService s) {
        try {
            if (!s.awaitTermination(30, TimeUnit.SECONDS)) {
                log.error("event=reader_did_not_stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t, Duration limit) {
        try {
            t.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("event=close_failed error=\"{}\"", e.toString());
        }
    }
}
