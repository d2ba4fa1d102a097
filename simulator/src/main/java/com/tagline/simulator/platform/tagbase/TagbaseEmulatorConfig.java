package com.tagline.simulator.platform.tagbase;

import com.tagline.hardware.keys.MasterKeySet;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a {@link TagbaseEmulator}. Start from {@link #forApiKey} and refine with the
 * {@code with*} methods. {@code toString} shows account names and key counts, never keys.
 *
 * @param port           the loopback port, 0 for a free one
 * @param accountsByKey  API key to account name; several keys may share an account
 * @param masterKeys     the platform's copy of the master keys for verifications, or null (then
 *                       verifications answer {@code 503})
 * @param clock          time for leases, timestamps and webhook timestamps
 * @param webhook        where events go, or null for none
 * @param seed           seed of the ids and of the fault dice
 * @param leaseLife      how long a lease lives unless renewed (platform-api §1.2: 24 hours; shorter in tests of
 *                       stations that die holding leases)
 */
public record TagbaseEmulatorConfig(int port, Map<String, String> accountsByKey, MasterKeySet masterKeys,
        Clock clock, TagbaseWebhook webhook, long seed, Duration leaseLife) {
    /** The contract's lease life (platform-api §1.2). */
    public static final Duration DEFAULT_LEASE_LIFE = Duration.ofHours(24);
    /** The account of the key given to {@link #forApiKey}. */
    public static final String DEFAULT_ACCOUNT = "default";

    public TagbaseEmulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        accountsByKey = Map.copyOf(accountsByKey);
        if (accountsByKey.isEmpty()) {
            throw new IllegalArgumentException("the emulator needs at least one API key");
        }
        accountsByKey.keySet().forEach(k -> {
            if (k.isBlank() || k.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("an API key must be non-empty without whitespace");
            }
        });
        Objects.requireNonNull(clock, "clock");
        if (leaseLife.isNegative() || leaseLife.isZero()) {
            throw new IllegalArgumentException("lease life must be positive, got " + leaseLife);
        }
    }

    /** One key of account {@value #DEFAULT_ACCOUNT}, a free port, no master keys, the system clock, no webhook. */
    public static TagbaseEmulatorConfig forApiKey(String apiKey) {
        return new TagbaseEmulatorConfig(0, Map.of(apiKey, DEFAULT_ACCOUNT), null, Clock.systemUTC(), null, 0,
                DEFAULT_LEASE_LIFE);
    }

    public TagbaseEmulatorConfig withPort(int port) {
        return new TagbaseEmulatorConfig(port, accountsByKey, masterKeys, clock, webhook, seed, leaseLife);
    }

    /** Adds (or moves) {@code apiKey} to {@code account}. */
    public TagbaseEmulatorConfig withApiKey(String apiKey, String account) {
        Map<String, String> keys = new LinkedHashMap<>(accountsByKey);
        keys.put(apiKey, account);
        return new TagbaseEmulatorConfig(port, keys, masterKeys, clock, webhook, seed, leaseLife);
    }

    public TagbaseEmulatorConfig withMasterKeys(MasterKeySet masterKeys) {
        return new TagbaseEmulatorConfig(port, accountsByKey, masterKeys, clock, webhook, seed, leaseLife);
    }

    public TagbaseEmulatorConfig withClock(Clock clock) {
        return new TagbaseEmulatorConfig(port, accountsByKey, masterKeys, clock, webhook, seed, leaseLife);
    }

    public TagbaseEmulatorConfig withWebhook(TagbaseWebhook webhook) {
        return new TagbaseEmulatorConfig(port, accountsByKey, masterKeys, clock, webhook, seed, leaseLife);
    }

    public TagbaseEmulatorConfig withSeed(long seed) {
        return new TagbaseEmulatorConfig(port, accountsByKey, masterKeys, clock, webhook, seed, leaseLife);
    }

    public TagbaseEmulatorConfig withLeaseLife(Duration life) {
        return new TagbaseEmulatorConfig(port, accountsByKey, masterKeys, clock, webhook, seed, life);
    }

    @Override
    public String toString() {
        return "TagbaseEmulatorConfig[port=" + port + ", keys=" + accountsByKey.size() + ", accounts="
                + new java.util.TreeSet<>(accountsByKey.values()) + ", masterKeys=" + masterKeys + ", clock=" + clock
                + ", webhook=" + webhook + ", seed=" + seed + ", leaseLife=" + leaseLife + "]";
    }
}
