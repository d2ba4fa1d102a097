package com.tagline.station.simulate;

import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.ixkio.IxkioClient;
import com.tagline.station.store.ConfiguredChip;
import com.tagline.station.sync.IxkioSync;
import com.tagline.station.sync.SyncPolicy;
import com.tagline.station.sync.SyncStats;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

/**
 * ixkio's platform side: no leasing (the manifest was imported), the {@link IxkioSync} sink when it says
 * it is due. ixkio has no verification endpoint, so a phone scan is verified locally with the chip's keys
 * derived from the master keys ({@link PhoneScan#verify}, {@link PhoneScan#verifyNtag223}).
 */
final class IxkioPlatformWork implements PlatformWork {
    private final StationParts parts;
    private final IxkioClient client;
    private final IxkioSync sync;
    private final MasterKeySet keys;
    private final int metaReadKey;
    private final int fileReadKey;
    private Instant nextSync;

    IxkioPlatformWork(HttpEndpoint endpoint, StationParts parts, MasterKeySet keys, int metaReadKey, int fileReadKey) {
        this.parts = parts;
        this.client = IxkioClient.open(endpoint);
        SyncPolicy policy = SyncPolicy.defaults();
        this.sync = new IxkioSync(parts.store(), client, policy, policy.backoff(new Random(parts.seed())),
                parts.clock(), parts.alarms());
        this.keys = keys;
        this.metaReadKey = metaReadKey;
        this.fileReadKey = fileReadKey;
        this.nextSync = parts.clock().instant();
    }

    @Override
    public void tick() {
        if (!parts.clock().instant().isBefore(nextSync)) {
            nextSync = sync.runOnce();
        }
    }

    @Override
    public boolean drained() {
        return sync.drained();
    }

    @Override
    public void shutdown() {
        // ixkio has no leases to give back
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public SyncStats stats() {
        return sync.stats();
    }

    @Override
    public boolean verify(ConfiguredChip chip, String url) {
        ChipKeys chipKeys = keys.diversify(HexFormat.of().parseHex(chip.chipUid()));
        if (chip.protocol() == ChipProtocol.NTAG_223_DNA) {
            return PhoneScan.verifyNtag223(url, chipKeys).valid();
        }
        return PhoneScan.verify(url, chipKeys, metaReadKey, fileReadKey).valid();
    }

    @Override
    public boolean verifiedByPlatform() {
        return false;
    }
}
