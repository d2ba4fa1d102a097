package com.tagline.simulator.platform.tagbase;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** One encoding lease inside {@link TagbaseLedger}; guarded by the ledger's lock. */
final class LeaseRecord {
    final String id;
    final String account;
    final String station;
    /** Leased tags not yet reported; reported tags leave the set (platform-api §1.2). */
    final Set<String> unreported = new LinkedHashSet<>();
    Instant expiresAt;
    boolean released;

    LeaseRecord(String id, String account, String station, Instant expiresAt) {
        this.id = id;
        this.account = account;
        this.station = station;
        this.expiresAt = expiresAt;
    }

    /** Live: neither released nor expired at {@code now}. */
    boolean live(Instant now) {
        return !released && now.isBefore(expiresAt);
    }
}
