package com.tagline.station.simulate.campaign;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.cli.Pn532Server;
import com.tagline.simulator.platform.tagbase.TagView;
import com.tagline.simulator.platform.tagbase.TagbaseEmulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulatorConfig;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.PlatformException;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.simulate.BatchProtocol;
import com.tagline.station.simulate.ScannedUrl;
import com.tagline.station.simulate.SimulatedChips;
import com.tagline.station.simulate.SimulationKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The world a campaign's station lives in, all in the campaign's own process so that it outlives every kill
 * and can see everything: the tagbase emulator on a loopback port (with its copy of the master keys), the PN532
 * emulator served on a socat pty (the station opens it as a serial port), a phone app that submits scans to the
 * platform's verification endpoint, the station's configuration file and its secrets (environment only).
 *
 * <p>Threading: the campaign's thread; the emulators run their own threads.
 */
final class CampaignWorld implements AutoCloseable {
    static final String TOKEN_ENV = "TAGLINE_PLATFORM_TOKEN";
    private static final String URL_BASE = "https://tags.example.com/t";
    /** Leases live five minutes: a long campaign sees them renewed, expire and come back. */
    private static final Duration LEASE_LIFE = Duration.ofMinutes(5);
    private static final int LOW_TAGS = 60;
    private static final int TOP_UP = 150;

    final Path dir;
    final SimulationKeys keys;
    private final String apiKey;
    final TagbaseEmulator platform;
    final Pn532Server reader;
    private final TagbaseClient phone;
    private final List<ChipProtocol> protocols;
    private final Map<String, String> tagByUrl = new HashMap<>();
    final Path config;
    private long toppedUpNanos;
    private boolean lookedAtTags;

    private CampaignWorld(Path dir, BatchProtocol batch, long seed) throws IOException {
        this.dir = dir;
        this.keys = SimulationKeys.random();
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        this.apiKey = "sk_campaign_" + HexFormat.of().formatHex(key);
        this.protocols = batch.protocols(2);
        TagbaseEmulator p = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(apiKey).withPort(0)
                .withMasterKeys(keys.keys()).withSeed(seed).withLeaseLife(LEASE_LIFE));
        Pn532Server r = null;
        try {
            r = Pn532Server.start(dir.resolve("pn532"), List.of());
            this.phone = TagbaseClient.open(HttpEndpoint.of(p.baseUrl(), apiKey));
        } catch (IOException | RuntimeException e) {
            if (r != null) {
                r.close();
            }
            p.close();
            throw e;
        }
        this.platform = p;
        this.reader = r;
        this.config = Files.writeString(dir.resolve("station.yaml"), yaml());
        topUp();
    }

    static CampaignWorld open(Path dir, BatchProtocol batch, long seed) throws IOException {
        return new CampaignWorld(dir, batch, seed);
    }

    /** The station's environment: master keys and platform token, which never go in arguments or files here. */
    Map<String, String> stationEnv() {
        Map<String, String> env = new HashMap<>(keys.env());
        env.put(TOKEN_ENV, apiKey);
        return env;
    }

    /**
     * Seeds more pending tags when the platform runs low, so chips never wait for work that cannot come; looks at
     * most once a second (the platform's state counts every tag).
     */
    void topUp() {
        long now = System.nanoTime();
        if (lookedAtTags && now - toppedUpNanos < 1_000_000_000L) {
            return;
        }
        lookedAtTags = true;
        toppedUpNanos = now;
        if (platform.state().tags("created") < LOW_TAGS) {
            for (ChipProtocol p : protocols) {
                for (String id : platform.seedTags(apiKey, TOP_UP, p, URL_BASE)) {
                    platform.tag(id).ifPresent(t -> tagByUrl.put(t.url(), id));
                }
            }
        }
    }

    /** Every tag the platform holds. */
    List<TagView> tags() {
        List<TagView> out = new ArrayList<>();
        tagByUrl.values().forEach(id -> platform.tag(id).ifPresent(out::add));
        return out;
    }

    /** The tag whose URL a scanned URL carries (the URL before its SUN query). */
    Optional<String> tagOfScan(String scannedUrl) {
        int q = scannedUrl.indexOf('?');
        return Optional.ofNullable(tagByUrl.get(q < 0 ? scannedUrl : scannedUrl.substring(0, q)));
    }

    /** A phone scan submitted to the platform's verification endpoint (platform-api §1.2): its verdict. */
    String verify(String tagId, String scannedUrl) {
        try {
            return phone.verify(tagId, ScannedUrl.queryParameters(scannedUrl)) ? "valid" : "invalid";
        } catch (PlatformException | IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    private String yaml() {
        return """
                # written by station campaign; the secrets come from the environment
                station: campaign
                data_dir: %s
                keys:
                  env_prefix: %s
                platform:
                  base_url: %s
                  api_key_env: %s
                  request_timeout_ms: 5000
                encoding:
                  protocols: [%s]
                  lease_low_water: 5
                  lease_high_water: 15
                  renew_before_s: 60
                reader:
                  link: %s
                line:
                  mode: hand-fed
                sync:
                  interval_ms: 200
                trust:
                  ntag424: ["%s"]
                  ntag223: ["%s"]
                console:
                  listen: "127.0.0.1:0"
                """.formatted(dir.resolve("data"), SimulationKeys.PREFIX, platform.baseUrl(), TOKEN_ENV,
                String.join(", ", protocols.stream().map(ChipProtocol::code).toList()), reader.link(),
                SimulatedChips.trustedTestKeyHex(), SimulatedChips.trustedNtag223TestKeyHex());
    }

    @Override
    public void close() {
        phone.close();
        reader.close();
        platform.close();
    }
}
