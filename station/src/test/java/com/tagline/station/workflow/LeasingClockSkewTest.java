package com.tagline.station.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.line.SimulatedClock;
import com.tagline.simulator.platform.tagbase.TagbaseEmulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulatorConfig;
import com.tagline.station.platform.HttpEndpoint;
import com.tagline.station.platform.tagbase.TagbaseClient;
import com.tagline.station.store.LeaseSummary;
import com.tagline.station.store.Store;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lease ends by the platform's clock (platform-api §1.2), which the station reads from the {@code Date} of the
 * platform's answers (RFC 9110 §6.6.1). A station whose clock runs behind ends its leases as much earlier on its
 * own clock, so it never encodes a tag after the platform freed it for another station, and says so with
 * {@link Alarm#CLOCK_SKEW}. Before, it took the platform's expiry on its own clock: 2 h behind, it kept encoding
 * a lease's tags for 2 h after the platform had handed them out again.
 */
class LeasingClockSkewTest {
    private static final Instant PLATFORM_T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final ChipProtocol P424 = ChipProtocol.NTAG_424_DNA;
    private static final String KEY = "stn_clock_skew_test_key_0123456789";

    @TempDir
    Path dir;

    private final SimulatedClock platformClock = new SimulatedClock(PLATFORM_T0);
    private final Alarms alarms = new Alarms();
    private TagbaseEmulator platform;
    private TagbaseClient client;
    private Store store;

    @AfterEach
    void stop() {
        client.close();
        platform.close();
        store.close();
    }

    /** Leases 3 tags from a station whose clock reads {@code station}, and returns the lease it stored. */
    private LeaseSummary leaseWithStationClock(SimulatedClock station) {
        platform = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(KEY).withPort(0).withClock(platformClock));
        platform.seedTags(KEY, 3, P424, "https://t.example/p");
        client = TagbaseClient.open(HttpEndpoint.of(platform.baseUrl(), KEY), station);
        store = Store.open(StoreConfig.of(dir.resolve("station.db"), "line-1").withClock(station).withMinFreeBytes(0));
        Leasing leasing = new Leasing(StoreAccess.direct(store), client, new LeasePolicy(List.of(P424), 1, 10,
                Duration.ofHours(2), Duration.ofSeconds(5)), "line-1", station, alarms);
        leasing.runOnce();
        List<LeaseSummary> leases = store.jobs().leases();
        assertEquals(1, leases.size(), leases.toString());
        return leases.get(0);
    }

    @Test
    void aStationTwoHoursBehindEndsItsLeasesTwoHoursEarlierOnItsClockAndSaysWhy() {
        SimulatedClock station = new SimulatedClock(PLATFORM_T0.minus(Duration.ofHours(2)));
        LeaseSummary lease = leaseWithStationClock(station);
        Instant platformExpiry = PLATFORM_T0.plus(Duration.ofHours(24)); // the emulator's lease life
        assertEquals(platformExpiry.minus(Duration.ofHours(2)), lease.expiresAt(),
                "the platform's expiry, on the station's clock");
        assertEquals(Optional.of(Duration.ofHours(2)), client.platformAhead());
        assertTrue(alarms.isRaised(Alarm.CLOCK_SKEW), alarms.raised().toString());
        String message = alarms.raised().get(Alarm.CLOCK_SKEW);
        assertTrue(message.contains("7200 s behind") && message.contains("timedatectl set-ntp true"), message);

        // when the platform frees the tags (its clock at the expiry), none is available to this station any more
        station.advanceTo(platformExpiry.minus(Duration.ofHours(2)).plusMillis(1));
        platformClock.advanceTo(platformExpiry.plusMillis(1));
        assertEquals(0, store.jobs().available(P424, station.instant()),
                "no tag of the expired lease is offered to a chip");
    }

    @Test
    void aStationAheadOfThePlatformKeepsThePlatformsExpiryAndRaisesNothing() {
        SimulatedClock station = new SimulatedClock(PLATFORM_T0.plus(Duration.ofHours(2)));
        LeaseSummary lease = leaseWithStationClock(station);
        assertEquals(PLATFORM_T0.plus(Duration.ofHours(24)), lease.expiresAt(),
                "never later than the platform wrote it: a wrong Date can only end a lease early");
        assertFalse(alarms.isRaised(Alarm.CLOCK_SKEW), alarms.raised().toString());
    }

    @Test
    void aStationInStepWithThePlatformStoresItsExpiryAsWritten() {
        LeaseSummary lease = leaseWithStationClock(new SimulatedClock(PLATFORM_T0));
        assertEquals(PLATFORM_T0.plus(Duration.ofHours(24)), lease.expiresAt());
        assertFalse(alarms.isRaised(Alarm.CLOCK_SKEW), alarms.raised().toString());
    }
}
