package com.tagline.station.simulate;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.platform.FaultSettings;
import com.tagline.simulator.platform.tagbase.TagbaseEmulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulatorConfig;
import com.tagline.simulator.platform.tagbase.TagbaseState;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.tagbase.TagbaseClient;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The tagbase emulator on a free loopback port, with a fresh random station key and the platform's
 * copy of the master keys (for verifications). The outage is the emulator's own fault control.
 */
final class TagbaseSimulatedPlatform implements SimulatedPlatform {
    private final TagbaseEmulator emulator;
    private final String apiKey;
    private boolean offline;

    TagbaseSimulatedPlatform(MasterKeySet keys, long seed) {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        this.apiKey = "sk_sim_" + HexFormat.of().formatHex(key);
        this.emulator = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(apiKey).withPort(0)
                .withMasterKeys(keys).withSeed(seed));
    }

    @Override
    public HttpEndpoint endpoint() {
        return HttpEndpoint.of(emulator.baseUrl(), apiKey);
    }

    @Override
    public void seed(ChipProtocol p, int count, String urlBase) {
        emulator.seedTags(apiKey, count, p, urlBase);
    }

    @Override
    public PlatformWork connect(StationParts parts) {
        return new TagbasePlatformWork(TagbaseClient.open(endpoint()), parts);
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
    public void close() {
        emulator.close();
    }
}
