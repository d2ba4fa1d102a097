package com.tagline.simulator.platform.tagbase;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.tag.ChipProtocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The in-memory tagbase: API keys and their accounts, tags, leases, report and verification counts
 * and conflicts (platform-api §1). Every lookup is scoped to an account. Outcome reports are applied
 * by {@link ConfigurationReports} under this ledger's lock.
 *
 * <p>Thread-safe: every public method is {@code synchronized} and quick (in-memory, no I/O), so the
 * HTTP handlers call it on the event loop. Events go to the sink under the lock; the sink must not
 * block (the webhook dispatcher only enqueues).
 */
final class TagbaseLedger {
    /** A lease lives this long unless renewed (platform-api §1.2). */

    /** One tag of a create batch; {@code index} is its position for error pointers. */
    record NewTag(int index, ChipProtocol protocol, String url) {}

    /** A granted lease. */
    record LeaseGrant(String id, String station, Instant expiresAt, List<TagView> tags) {}

    /** A verification's outcome. */
    record Verification(String id, boolean valid, Integer counter, String reason) {}

    final Clock clock;
    private final Duration leaseLife;
    final IdSource ids;
    private final Consumer<TagbaseEvent> events;
    private final ScanVerifier verifier;
    private final Map<String, String> accountsByKey = new HashMap<>();
    private final Set<String> revokedKeys = new HashSet<>();
    final Map<String, TagRecord> tags = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tagIdsByUrl = new HashMap<>();
    final Map<String, Map<String, String>> tagIdsByUid = new HashMap<>();
    private final Map<String, LeaseRecord> leases = new LinkedHashMap<>();
    final Map<String, Long> reportCounts = new TreeMap<>();
    private final Map<String, Long> verificationCounts = new TreeMap<>();
    final List<TagbaseState.Conflict> conflicts = new ArrayList<>();
    private final ConfigurationReports reports = new ConfigurationReports(this);
    private long sequence;

    TagbaseLedger(Clock clock, Duration leaseLife, long seed, MasterKeySet masterKeys, Consumer<TagbaseEvent> events) {
        this.clock = clock;
        this.leaseLife = leaseLife;
        this.ids = new IdSource(seed);
        this.events = events;
        this.verifier = masterKeys == null ? null : new ScanVerifier(masterKeys);
    }

    synchronized void addApiKey(String apiKey, String account) {
        accountsByKey.put(apiKey, account);
        revokedKeys.remove(apiKey);
    }

    synchronized void revokeApiKey(String apiKey) {
        revokedKeys.add(apiKey);
    }

    /** The account of a known, unrevoked key. */
    synchronized Optional<String> authenticate(String apiKey) {
        return revokedKeys.contains(apiKey) ? Optional.empty() : Optional.ofNullable(accountsByKey.get(apiKey));
    }

    /** Creates the batch atomically: a duplicate URL (in the account or the batch) creates nothing (422). */
    synchronized List<TagView> createTags(String account, List<NewTag> batch) {
        Map<String, String> urls = tagIdsByUrl.computeIfAbsent(account, a -> new HashMap<>());
        Set<String> inBatch = new HashSet<>();
        for (NewTag t : batch) {
            if (urls.containsKey(t.url()) || !inBatch.add(t.url())) {
                throw JsonApiException.unprocessable("url " + t.url() + " is already used by another tag of the account",
                        "/data/" + t.index() + "/attributes/url");
            }
        }
        List<TagView> created = new ArrayList<>();
        for (NewTag t : batch) {
            String id = uniqueId("tag_", tags);
            TagRecord r = new TagRecord(id, account, t.protocol(), t.url(), sequence++);
            tags.put(id, r);
            urls.put(t.url(), id);
            created.add(r.view());
            emit(TagbaseEvent.CREATED, r, null);
        }
        return created;
    }

    synchronized Optional<TagView> tag(String account, String tagId) {
        return find(account, tagId).map(TagRecord::view);
    }

    /** Any account's tag, for in-process tests. */
    synchronized Optional<TagView> tag(String tagId) {
        return Optional.ofNullable(tags.get(tagId)).map(TagRecord::view);
    }

    /** The answers given to reports for any account's tag, in order; empty for no such tag. */
    synchronized List<ReportResult.Kind> answers(String tagId) {
        TagRecord t = tags.get(tagId);
        return t == null ? List.of() : List.copyOf(t.answers);
    }

    /** Leases up to {@code max} created tags of these protocols not in another live lease, oldest first. */
    synchronized LeaseGrant lease(String account, String station, Set<ChipProtocol> protocols, int max) {
        Instant now = clock.instant();
        Set<String> taken = new HashSet<>();
        leases.values().stream().filter(l -> l.live(now)).forEach(l -> taken.addAll(l.unreported));
        LeaseRecord lease = new LeaseRecord(uniqueId("lse_", leases), account, station, now.plus(leaseLife));
        List<TagView> granted = new ArrayList<>();
        for (TagRecord t : tags.values()) { // insertion order is creation order
            if (granted.size() == max) {
                break;
            }
            if (t.account.equals(account) && t.status == TagStatus.CREATED && protocols.contains(t.protocol)
                    && !taken.contains(t.id)) {
                lease.unreported.add(t.id);
                granted.add(t.view());
            }
        }
        leases.put(lease.id, lease);
        return new LeaseGrant(lease.id, station, lease.expiresAt, granted);
    }

    /** A live lease's new expiry; 404 for no such lease, 409 for a released or expired one. */
    synchronized LeaseGrant renew(String account, String leaseId) {
        LeaseRecord l = findLease(account, leaseId);
        Instant now = clock.instant();
        if (!l.live(now)) {
            throw new JsonApiException(409, "Conflict", "lease " + leaseId + (l.released ? " was released"
                    : " expired at " + IdSource.timestamp(l.expiresAt)) + "; lease the tags again", null);
        }
        l.expiresAt = now.plus(leaseLife);
        return new LeaseGrant(l.id, l.station, l.expiresAt, List.of());
    }

    /** Releases the lease (idempotent); its unreported tags become available. 404 for no such lease. */
    synchronized void release(String account, String leaseId) {
        findLease(account, leaseId).released = true;
    }

    synchronized List<ReportResult> report(String account, List<ObjectNode> entries) {
        List<ReportResult> results = new ArrayList<>();
        for (ObjectNode e : entries) {
            ReportResult r = reports.apply(account, e);
            reportCounts.merge(r.kind().wireName(), 1L, Long::sum);
            find(account, r.tagId()).ifPresent(t -> t.answers.add(r.kind()));
            results.add(r);
        }
        return results;
    }

    /**
     * Checks a scan of a configured tag (platform-api §1.2): valid only when the MAC verifies with the
     * bound chip's keys, the message's UID is the bound UID and its counter is above the last valid one.
     *
     * @throws JsonApiException 503 without master keys, 404 unless the tag is configured
     */
    synchronized Verification verify(String account, String tagId, Map<String, String> parameters) {
        if (verifier == null) {
            throw new JsonApiException(503, "Service Unavailable",
                    "verifications need the platform's master keys; start the emulator with a key file", null);
        }
        TagRecord t = find(account, tagId).filter(r -> r.status == TagStatus.CONFIGURED).orElseThrow(() ->
                JsonApiException.notFound("no configured tag " + tagId + " in this account"));
        ScanVerifier.Check c = verifier.check(t.protocol, t.url, t.uid, parameters);
        String reason = c.reason();
        if (c.macValid() && !t.uid.equals(c.uid())) {
            reason = "the SUN message carries UID " + c.uid() + ", not the UID bound to the tag";
        } else if (c.macValid() && c.counter() == null) {
            reason = "the SUN message carries no counter";
        } else if (c.macValid() && c.counter() <= t.lastCounter) {
            reason = "counter " + c.counter() + " is not above the last seen " + t.lastCounter + " (replay)";
        }
        boolean valid = c.macValid() && reason == null;
        if (valid) {
            t.lastCounter = c.counter();
        }
        verificationCounts.merge(valid ? "valid" : "invalid", 1L, Long::sum);
        return new Verification(ids.next("vrf_"), valid, c.counter(), reason);
    }

    synchronized TagbaseState state(Map<String, Long> webhooks) {
        Map<String, Long> byStatus = new TreeMap<>();
        for (TagStatus s : TagStatus.values()) {
            byStatus.put(s.wireName(), 0L);
        }
        tags.values().forEach(t -> byStatus.merge(t.status.wireName(), 1L, Long::sum));
        Instant now = clock.instant();
        Map<String, Long> leaseCounts = new TreeMap<>(Map.of("live", 0L, "expired", 0L, "released", 0L));
        leases.values().forEach(l -> leaseCounts.merge(l.released ? "released" : l.live(now) ? "live" : "expired",
                1L, Long::sum));
        Map<String, Long> reportsByKind = new TreeMap<>();
        for (ReportResult.Kind k : ReportResult.Kind.values()) {
            reportsByKind.put(k.wireName(), reportCounts.getOrDefault(k.wireName(), 0L));
        }
        Map<String, Long> verdicts = new TreeMap<>(Map.of("valid", 0L, "invalid", 0L));
        verdicts.putAll(verificationCounts);
        return new TagbaseState(byStatus, leaseCounts, reportsByKind, verdicts, conflicts, webhooks);
    }

    // ---- used by ConfigurationReports under this ledger's lock ----

    Optional<TagRecord> find(String account, String tagId) {
        return Optional.ofNullable(tags.get(tagId)).filter(t -> t.account.equals(account));
    }

    /** A reported tag leaves every lease: configured, or back in the pending pool after a failure. */
    void leaveLeases(String tagId) {
        leases.values().forEach(l -> l.unreported.remove(tagId));
    }

    void emit(String type, TagRecord tag, String reason) {
        events.accept(new TagbaseEvent(ids.next("evt_"), type, clock.instant(), tag.view(), reason));
    }

    private LeaseRecord findLease(String account, String leaseId) {
        LeaseRecord l = leases.get(leaseId);
        if (l == null || !l.account.equals(account)) {
            throw JsonApiException.notFound("no lease " + leaseId + " in this account");
        }
        return l;
    }

    private String uniqueId(String prefix, Map<String, ?> existing) {
        String id;
        do {
            id = ids.next(prefix);
        } while (existing.containsKey(id));
        return id;
    }
}
