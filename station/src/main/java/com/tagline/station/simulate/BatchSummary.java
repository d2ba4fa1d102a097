package com.tagline.station.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.station.personalize.Reason;
import java.util.EnumMap;
import java.util.Map;

/** Counts of one simulated batch, printed as text or as one JSON object. Single-threaded. */
public final class BatchSummary {
    private final Map<Reason, Integer> byReason = new EnumMap<>(Reason.class);
    private int count;
    private int resumed;
    private int verifiedValid;
    private int verifiedInvalid;
    private int unexpected;
    private long elapsedNanos;
    private boolean onLine;
    private int rejected;
    private int gateMismatches;
    private int itemsLost;
    private PlatformSide platform;
    private int tagsFailed;
    private Associations associations;
    private boolean verifiedByPlatform = true;

    /**
     * What the platform side ended with.
     *
     * @param drained            nothing left pending or in doubt in the outbox
     * @param synced             outcomes the platform confirmed (accepted or duplicate)
     * @param unsynced           outcomes still pending or in doubt
     * @param quarantined        outcomes kept for an operator
     * @param duplicates         reports answered duplicate (re-sent after an ambiguous call)
     * @param conflicts          reports answered conflict
     * @param platformConfigured tags the platform shows configured
     * @param platformConflicts  conflicts the platform recorded
     * @param wentOffline        the station saw the platform unreachable at least once
     */
    public record PlatformSide(boolean drained, int synced, int unsynced, int quarantined, long duplicates,
                               long conflicts, int platformConfigured, int platformConflicts, boolean wentOffline) {
    }

    /**
     * The {@code xuid,uid} export of a platform that takes one (ixkio).
     *
     * @param exported   rows the export wrote
     * @param mismatched export rows that are not exactly a configured chip, configured chips missing from
     *                   it, and configured chips whose tag code is not Active and Assigned on the platform
     */
    public record Associations(int exported, int mismatched) {
    }

    void associations(Associations a) {
        this.associations = a;
    }

    void verifiedByPlatform(boolean byPlatform) {
        this.verifiedByPlatform = byPlatform;
    }

    void platform(PlatformSide side) {
        this.platform = side;
    }

    void tagsFailed(int n) {
        this.tagsFailed = n;
    }

    void record(Reason reason) {
        count++;
        byReason.merge(reason, 1, Integer::sum);
    }

    void resumed() {
        resumed++;
    }

    void verified(boolean valid) {
        if (valid) {
            verifiedValid++;
        } else {
            verifiedInvalid++;
        }
    }

    void unexpected() {
        unexpected++;
    }

    /** One item left the line: rejected by the gate or not, and whether its chip failed. */
    void gate(boolean wasRejected, boolean chipFailed) {
        onLine = true;
        if (wasRejected) {
            rejected++;
        }
        if (wasRejected != chipFailed) {
            gateMismatches++;
        }
    }

    /** Items that never reached the end of the line within the run's time budget. */
    void itemsLost(int n) {
        onLine = true;
        itemsLost += n;
    }

    public int rejected() {
        return rejected;
    }

    void elapsed(long nanos) {
        elapsedNanos = nanos;
    }

    public int count() {
        return count;
    }

    public int encoded() {
        return byReason.getOrDefault(Reason.CONFIGURED, 0);
    }

    public int failed() {
        return count - encoded();
    }

    public int unexpectedOutcomes() {
        return unexpected;
    }

    public int verifiedInvalid() {
        return verifiedInvalid;
    }

    public int verifiedValid() {
        return verifiedValid;
    }

    /** Every chip ended as its defect predicts and every configured chip verified. */
    public boolean allAsExpected() {
        boolean line = !onLine || gateMismatches == 0 && itemsLost == 0;
        boolean exported = associations == null
                || associations.mismatched() == 0 && associations.exported() == encoded();
        return line && exported && platformAgrees() && unexpected == 0 && verifiedInvalid == 0 && verifiedValid == encoded();
    }

    /** Every outcome synced, none in conflict, and the platform holds exactly the chips configured here. */
    private boolean platformAgrees() {
        return platform == null || platform.drained() && platform.unsynced() == 0 && platform.quarantined() == 0
                && platform.conflicts() == 0 && platform.platformConflicts() == 0
                && platform.platformConfigured() == encoded() && platform.synced() == encoded() + tagsFailed;
    }

    public String json(int keySetVersion) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("count", count);
        o.put("encoded", encoded());
        o.put("failed", failed());
        ObjectNode reasons = o.putObject("failed_by_reason");
        byReason.forEach((r, n) -> {
            if (r != Reason.CONFIGURED) {
                reasons.put(r.code(), n);
            }
        });
        if (onLine) {
            o.put("rejected", rejected);
            o.put("rejected_mismatch", gateMismatches);
            o.put("items_not_out", itemsLost);
        }
        if (platform != null) {
            o.put("tags_failed", tagsFailed);
            o.put("synced", platform.synced());
            o.put("unsynced", platform.unsynced());
            o.put("quarantined", platform.quarantined());
            o.put("duplicates", platform.duplicates());
            o.put("conflicts", platform.conflicts());
            o.put("platform_configured", platform.platformConfigured());
            o.put("platform_conflicts", platform.platformConflicts());
            o.put("went_offline", platform.wentOffline());
        }
        if (associations != null) {
            o.put("associations", associations.exported());
            o.put("associations_mismatched", associations.mismatched());
        }
        o.put("resumed", resumed);
        o.put("verified_valid", verifiedValid);
        o.put("verified_invalid", verifiedInvalid);
        o.put("unexpected", unexpected);
        o.put("key_set_version", keySetVersion);
        o.put("elapsed_ms", elapsedNanos / 1_000_000);
        o.put("chips_per_second", elapsedNanos == 0 ? 0 : Math.round(count * 1e9 / elapsedNanos));
        return o.toString();
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Chips:            %d in %.2f s (%.0f chips/s)%n", count, elapsedNanos / 1e9,
                elapsedNanos == 0 ? 0.0 : count * 1e9 / elapsedNanos));
        sb.append(String.format("Encoded:          %d%n", encoded()));
        sb.append(String.format("Failed:           %d%n", failed()));
        byReason.forEach((r, n) -> {
            if (r != Reason.CONFIGURED) {
                sb.append(String.format("  %-16s%d%n", r.code(), n));
            }
        });
        if (onLine) {
            sb.append(String.format("Rejected (gate):  %d, %s%n", rejected, gateMismatches == 0 && itemsLost == 0
                    ? "exactly the failed chips" : gateMismatches + " wrong gate decisions, " + itemsLost
                    + " items did not leave the line"));
        }
        if (platform != null) {
            sb.append(String.format("Synced:           %d outcomes (%d tags failed for good), %d unsynced, %d quarantined%s%n",
                    platform.synced(), tagsFailed, platform.unsynced(), platform.quarantined(),
                    platform.wentOffline() ? ", through an outage" : ""));
            sb.append(String.format("Platform:         %d tags configured, %d duplicates, %d conflicts%n",
                    platform.platformConfigured(), platform.duplicates(), platform.conflicts()));
        }
        if (associations != null) {
            sb.append(String.format("Associations:     %d exported (xuid,uid), %d mismatched%n",
                    associations.exported(), associations.mismatched()));
        }
        sb.append(String.format("Resumed by tear:  %d%n", resumed));
        sb.append(String.format("Verified (scan):  %d valid, %d invalid%s%n", verifiedValid, verifiedInvalid,
                platform == null ? "" : verifiedByPlatform ? " (by the platform)" : " (locally, derived keys)"));
        sb.append(String.format("Unexpected:       %d%n", unexpected));
        return sb.toString();
    }
}
