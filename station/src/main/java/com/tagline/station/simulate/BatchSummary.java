package com.tagline.station.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.station.personalize.Reason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private List<StationResult> stations = List.of();
    private Cycle cycle;
    private ScheduledOutage outage;

    /**
     * {@code --timing}: the modeled cycle per chip of the first station, and what it is made of.
     *
     * @param index the conveyor's part: the cycle less the radio and the store
     */
    public record Cycle(int baud, Duration perFsync, int beltMmPerSecond, Duration cycle, Duration radio, Duration store,
                        Duration index, long chipsPerHour) {
        /** Which part of the cycle is the largest. */
        public String largest() {
            long r = radio.toNanos();
            long s = store.toNanos();
            long i = index.toNanos();
            return i >= r && i >= s ? "conveyor index" : r >= s ? "radio (PN532 and chip)" : "store (fsyncs)";
        }
    }

    void cycle(Cycle c) {
        this.cycle = c;
    }

    void outage(ScheduledOutage o) {
        this.outage = o;
    }

    /** The outage {@code --outage-at} asked for, if any, and whether it began. */
    public java.util.Optional<ScheduledOutage> outage() {
        return java.util.Optional.ofNullable(outage);
    }
    private int crossStationDuplicates;
    private int chipsOnTwoTags;

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

    /**
     * What the stations and the platform ended with: the platform side summed over the stations, and the
     * checks across them (no tag configured by two stations, no chip on two tags).
     */
    void stations(List<StationResult> results, boolean drained, SimulatedPlatform.PlatformTotals totals) {
        this.stations = List.copyOf(results);
        int synced = 0;
        int unsynced = 0;
        int quarantined = 0;
        long duplicates = 0;
        long conflicts = 0;
        boolean offline = false;
        Map<String, Set<String>> stationsByTag = new HashMap<>();
        Map<String, Set<String>> tagsByChip = new HashMap<>();
        tagsFailed = 0;
        for (StationResult r : results) {
            synced += r.synced();
            unsynced += r.unsynced();
            quarantined += r.quarantined();
            duplicates += r.stats().duplicates();
            conflicts += r.stats().conflicts();
            offline |= r.wentOffline();
            tagsFailed += r.tagsFailed();
            r.configured().forEach(c -> {
                stationsByTag.computeIfAbsent(c.tagId(), t -> new HashSet<>()).add(r.name());
                tagsByChip.computeIfAbsent(c.chipUid(), u -> new HashSet<>()).add(c.tagId());
            });
        }
        crossStationDuplicates = (int) stationsByTag.values().stream().filter(v -> v.size() > 1).count();
        chipsOnTwoTags = (int) tagsByChip.values().stream().filter(v -> v.size() > 1).count();
        platform = new PlatformSide(drained, synced, unsynced, quarantined, duplicates, conflicts,
                totals.configuredTags(), totals.conflicts(), offline);
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
        return line && exported && platformAgrees() && unexpected == 0 && verifiedInvalid == 0 && verifiedValid == encoded()
                && crossStationDuplicates == 0 && chipsOnTwoTags == 0;
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
        if (outage != null) {
            outage.into(o);
        }
        if (associations != null) {
            o.put("associations", associations.exported());
            o.put("associations_mismatched", associations.mismatched());
        }
        o.put("stations", stations.size());
        o.put("cross_station_duplicates", crossStationDuplicates);
        o.put("chips_on_two_tags", chipsOnTwoTags);
        ArrayNode per = o.putArray("per_station");
        for (StationResult r : stations) {
            per.addObject().put("station", r.name()).put("chips", r.chips()).put("encoded", r.encoded())
                    .put("failed", r.chips() - r.encoded()).put("synced", r.synced()).put("unsynced", r.unsynced())
                    .put("quarantined", r.quarantined());
        }
        if (cycle != null) {
            o.putObject("timing").put("baud", cycle.baud()).put("fsync_ms", cycle.perFsync().toMillis())
                    .put("belt_mm_s", cycle.beltMmPerSecond())
                    .put("cycle_ms", ms(cycle.cycle())).put("radio_ms", ms(cycle.radio())).put("store_ms", ms(cycle.store()))
                    .put("index_ms", ms(cycle.index())).put("chips_per_hour_per_head", cycle.chipsPerHour())
                    .put("largest", cycle.largest());
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
        if (outage != null) {
            sb.append(outage.line());
        }
        if (associations != null) {
            sb.append(String.format("Associations:     %d exported (xuid,uid), %d mismatched%n",
                    associations.exported(), associations.mismatched()));
        }
        if (stations.size() > 1) {
            sb.append(String.format("Stations:         %d on one platform; %d tags configured by two stations, %d chips"
                    + " on two tags%n", stations.size(), crossStationDuplicates, chipsOnTwoTags));
            for (StationResult r : stations) {
                sb.append(String.format("  %-16s%d chips, %d encoded, %d synced%n", r.name(), r.chips(), r.encoded(),
                        r.synced()));
            }
        }
        if (cycle != null) {
            sb.append(String.format(java.util.Locale.ROOT, "Cycle (modeled):  %.1f ms per chip = %d chips per hour per head"
                    + " at %d baud, %d ms per fsync, belt %d mm/s%n", ms(cycle.cycle()), cycle.chipsPerHour(),
                    cycle.baud(), cycle.perFsync().toMillis(), cycle.beltMmPerSecond()));
            sb.append(String.format(java.util.Locale.ROOT, "  radio %.1f ms, store %.1f ms, conveyor index %.1f ms;"
                    + " the largest: %s%n", ms(cycle.radio()), ms(cycle.store()), ms(cycle.index()), cycle.largest()));
        }
        sb.append(String.format("Resumed by tear:  %d%n", resumed));
        sb.append(String.format("Verified (scan):  %d valid, %d invalid%s%n", verifiedValid, verifiedInvalid,
                platform == null ? "" : verifiedByPlatform ? " (by the platform)" : " (locally, derived keys)"));
        sb.append(String.format("Unexpected:       %d%n", unexpected));
        return sb.toString();
    }

    private static double ms(Duration d) {
        return Math.round(d.toNanos() / 1e5) / 10.0;
    }
}
