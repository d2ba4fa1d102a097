package com.tagline.station.simulate;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.platform.FaultSettings;
import com.tagline.simulator.platform.tagbase.TagbaseEmulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulatorConfig;
import com.tagline.simulator.platform.tagbase.TagbaseState;
import com.tagline.station.config.StationConfig;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.PlatformException;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.ConfiguredChip;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The tagbase emulator on a free loopback port, with a fresh random station key and the platform's
 * copy of the master keys; a phone's scan is verified by its verification endpoint (platform-api §1.2).
 * The outage is the emulator's own fault control.
 */
final class TagbaseSimulatedPlatform implements SimulatedPlatform {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TagbaseSimulatedPlatform.class);
    private final TagbaseEmulator emulator;
    private final String apiKey;
    private final TagbaseClient phoneApp;
    private boolean offline;

    TagbaseSimulatedPlatform(MasterKeySet keys, long seed) {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        this.apiKey = "sk_sim_" + HexFormat.of().formatHex(key);
        this.emulator = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(apiKey).withPort(0)
                .withMasterKeys(keys).withSeed(seed));
        this.phoneApp = TagbaseClient.open(HttpEndpoint.of(emulator.baseUrl(), apiKey));
    }

    @Override
    public StationConfig.PlatformKind kind() {
        return StationConfig.PlatformKind.TAGBASE;
    }

    @Override
    public URI baseUrl() {
        return URI.create(emulator.baseUrl());
    }

    @Override
    public String apiKey() {
        return apiKey;
    }

    @Override
    public void seed(ChipProtocol p, int count, String urlBase) {
        emulator.seedTags(apiKey, count, p, urlBase);
    }

    @Override
    public void outage(boolean on) {
        if (on != offline) {
            emulator.faults().set(on ? new FaultSettings(true, 0, 0, 0) : FaultSettings.NONE);
            offline = on;
        }
    }

    @Override
    public PlatformTotals totals() {
        TagbaseState s = emulator.state();
        return new PlatformTotals((int) s.tags("configured"), s.conflicts().size());
    }

    @Override
    public boolean verify(ConfiguredChip c, String url) {
        try {
            return phoneApp.verify(c.tagId(), ScannedUrl.queryParameters(url));
        } catch (PlatformException | IllegalArgumentException e) {
            log.warn("event=scan_failed tag={} uid={} error=\"{}\"", c.tagId(), c.chipUid(), e.getMessage());
            return false;
        }
    }

    @Override
    public boolean verifiedByPlatform() {
        return true;
    }

    @Override
    public void close() {
        phoneApp.close();
        emulator.close();
    }
}
